import type { z } from 'zod';

/** Renders a zod issue path as a field name a person can find: `body[2].children[0].url`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => {
    if (typeof key === 'number') return `${acc}[${key}]`;
    const name = String(key);
    return acc ? `${acc}.${name}` : name;
  }, '');
}

/** One line per problem: the field, what is wrong, and what was received where that helps. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const field = formatPath(issue.path) || '(the entry itself)';
    return `field "${field}": ${issue.message}`;
  });
}

/** A validation failure that names what was being validated (an entry, a config) and each field. */
export class ValidationError extends Error {
  readonly subject: string;
  readonly problems: string[];
  constructor(subject: string, problems: string[]) {
    super(`${subject} is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ValidationError';
    this.subject = subject;
    this.problems = problems;
  }
}

/** Parses `value` with `schema`, or throws a ValidationError naming `subject` and every field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, subject: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new ValidationError(subject, describeIssues(result.error));
  return result.data;
}
