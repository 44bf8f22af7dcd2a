/**
 * WCAG 2.1 contrast between two `#rrggbb` colours, from 1 (none) to 21 (black on white).
 * @see https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio
 */
export function contrastRatio(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const channel = parseInt(hex.slice(i, i + 2), 16) / 255;
      return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** WCAG AA for normal text. */
export const MIN_TEXT_CONTRAST = 4.5;

/**
 * A hub's primary colour carries white text (header, buttons) and is used for links on white:
 * it must reach AA against white. Returns the problem in words, or null when it is fine.
 */
export function brandColourProblem(primary: string): string | null {
  if (!/^#[0-9a-fA-F]{6}$/.test(primary)) return `the primary colour "${primary}" is not written as #rrggbb`;
  const ratio = contrastRatio(primary, '#ffffff');
  if (ratio < MIN_TEXT_CONTRAST) {
    return `the primary colour ${primary} has a contrast of ${ratio.toFixed(2)}:1 with white text; WCAG AA needs at least ${MIN_TEXT_CONTRAST}:1. Choose a darker colour in the territory's settings.`;
  }
  return null;
}
