// A build plugin (wxt.config.ts), kept out of the extension's own sources that tests/unit/static-safety.test.ts scans.
import type { Plugin } from 'vite';

/**
 * Preact writes innerHTML in one place only: for `dangerouslySetInnerHTML`, which this extension never uses (the
 * pages build every node themselves; tests/unit/static-safety.test.ts), so it is not needed. That branch is the one innerHTML sink in
 * the bundles and addons-linter's one warning, so it is replaced: setting the prop throws, clearing it clears text.
 * The build fails if Preact's code no longer matches, so an upgrade cannot bring the sink back unnoticed.
 */
export function preactWithoutInnerHtml(): Plugin {
  return {
    name: 'preact-without-innerhtml',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]preact[\\/]dist[\\/]preact\.(module\.js|mjs)$/.test(id)) return null;
      const sinks = code.match(/\b(\w+)\.innerHTML=(\w+)\.__html/g) ?? [];
      const clears = code.match(/\b\w+\.innerHTML=""/g) ?? [];
      if (sinks.length !== 1 || clears.length !== 1) throw new Error(`preact-without-innerhtml: Preact's dangerouslySetInnerHTML code changed (${sinks.length} sinks, ${clears.length} clears); review the plugin`);
      return code
        .replace(/\b(\w+)\.innerHTML=(\w+)\.__html/, '(()=>{throw new Error("dangerouslySetInnerHTML is not supported")})()')
        .replace(/\b(\w+)\.innerHTML=""/, '$1.textContent=""');
    },
  };
}
