import { useMemo } from 'preact/hooks';
import { encode } from 'uqr';
import './enrolment.css';

interface Props {
  /** What the code encodes (an otpauth URI). */
  text: string;
  /** Alt text: says what the code is, never the secret. */
  label: string;
  /** The portal's own image (a checked data: URL), shown only if local encoding fails. */
  fallbackSrc?: string | null;
  fallbackLabel?: string;
}

/** Quiet zone of four modules, as the QR specification asks. */
const QUIET_ZONE = 4;

/** Dark modules as one path of horizontal runs: crisp at any size, no inline styles (CSP). */
export function modulePath(data: readonly (readonly boolean[])[]): string {
  const parts: string[] = [];
  data.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      if (!row[x]) {
        x++;
        continue;
      }
      const startX = x;
      while (x < row.length && row[x]) x++;
      parts.push(`M${startX} ${y}h${x - startX}v1h${startX - x}z`);
    }
  });
  return parts.join('');
}

/** A QR code rendered locally as SVG, dark on a light quiet zone in both themes. */
export function QrCode({ text, label, fallbackSrc, fallbackLabel }: Props) {
  const qr = useMemo(() => {
    try {
      return encode(text, { ecc: 'M', border: QUIET_ZONE });
    } catch {
      return null;
    }
  }, [text]);
  if (!qr) {
    return fallbackSrc ? <img class="qr-code" src={fallbackSrc} alt={fallbackLabel ?? label} width={200} height={200} /> : null;
  }
  return (
    <svg class="qr-code" role="img" aria-label={label} viewBox={`0 0 ${qr.size} ${qr.size}`} shape-rendering="crispEdges" xmlns="http://www.w3.org/2000/svg">
      <rect class="qr-light" x="0" y="0" width={qr.size} height={qr.size} />
      <path class="qr-dark" d={modulePath(qr.data)} />
    </svg>
  );
}
