/**
 * Reading the maintainer-edited YAML files of `seeds/` (topics, collections, overrides) against
 * their zod schemas, with errors that name the file and the offending key.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';

/**
 * Read a YAML file and validate it.
 * @param path - file path, used in error messages.
 * @param schema - zod schema of the file's content.
 * @returns the parsed, validated value.
 * @throws Error `"<path>: <key.path>: <message>"` for the first schema issue, or
 *   `"<path>: <YAML error>"` when the file is not valid YAML (https://yaml.org/spec/1.2.2/).
 */
export function loadYamlFile<S extends z.ZodType>(path: string, schema: S): z.infer<S> {
  let data: unknown;
  try {
    data = parseYaml(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`${path}: ${(err as Error).message}`);
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new Error(`${path}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return result.data;
}
