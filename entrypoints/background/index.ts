import { defineBackground } from '#imports';
import { registerRouter } from '../../lib/background/router';
import { registerLifecycle } from '../../lib/background/lifecycle';

export default defineBackground({
  type: 'module',
  main() {
    registerRouter();
    registerLifecycle();
  },
});
