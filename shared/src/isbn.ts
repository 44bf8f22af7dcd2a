/**
 * ISBNs as a bibliography writes them: ISBN-10 or ISBN-13, with or without hyphens and spaces, and
 * an optional «ISBN» prefix. The check digit is verified, so a mistyped digit is caught when the
 * entry is saved, not by a reader who cannot find the book.
 * @see https://www.isbn-international.org/content/what-isbn (check digit calculation)
 */

/** The digits of an ISBN as written (`978-88-...`, `ISBN 88 ...`), the ISBN-10 check `X` kept. */
export function isbnDigits(value: string): string {
  return value
    .trim()
    .replace(/^isbn(?:-1[03])?:?\s*/i, '')
    .replace(/[\s-]/g, '')
    .toUpperCase();
}

/** True for an ISBN-10 or ISBN-13 whose check digit is right. */
export function isIsbn(value: string): boolean {
  const digits = isbnDigits(value);
  if (/^\d{9}[\dX]$/.test(digits)) {
    // ISBN-10: weights 10 down to 1, the sum a multiple of 11; X stands for 10, last digit only.
    const sum = [...digits].reduce(
      (total, char, index) => total + (char === 'X' ? 10 : Number(char)) * (10 - index),
      0,
    );
    return sum % 11 === 0;
  }
  if (/^97[89]\d{10}$/.test(digits)) {
    // ISBN-13 (an EAN-13 starting 978 or 979): weights 1 and 3 alternating, the sum a multiple of 10.
    const sum = [...digits].reduce((total, char, index) => total + Number(char) * (index % 2 === 0 ? 1 : 3), 0);
    return sum % 10 === 0;
  }
  return false;
}
