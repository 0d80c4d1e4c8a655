import { defineBackground } from '#imports';
import { startBackground } from '../../lib/providers/background';

export default defineBackground({
  type: 'module',
  main() {
    startBackground();
  },
});
