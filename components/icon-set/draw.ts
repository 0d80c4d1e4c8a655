import { h, type JSX } from 'preact';
import type { IconNode } from 'lucide';

export interface IconProps {
  size?: number;
  class?: string;
  'aria-hidden'?: 'true' | boolean;
}
export type IconComponent = (props: IconProps) => JSX.Element;

export function icon(node: IconNode): IconComponent {
  return ({ size = 24, class: extra }: IconProps) =>
    h(
      'svg',
      {
        xmlns: 'http://www.w3.org/2000/svg', width: size, height: size, viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor',
        'stroke-width': 2, 'stroke-linecap': 'round', 'stroke-linejoin': 'round', class: extra ? `lucide ${extra}` : 'lucide', 'aria-hidden': 'true',
      },
      node.map(([tag, attrs]) => h(tag, attrs)),
    );
}
