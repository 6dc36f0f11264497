// `npm run gen:api [-- IN OUT]`: src/types/openapi.json (the server's OpenAPI document, written by
// `python -m streamai.openapi`) → src/types/api.ts, with openapi-typescript, formatted by prettier.
// scripts/gen-contract.sh (repo root) runs both steps; scripts/check-contract.sh fails when either
// committed file is stale. Offline: the document is read from disk, nothing is fetched.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import * as prettier from 'prettier';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const [input = here('../src/types/openapi.json'), output = here('../src/types/api.ts')] = process.argv.slice(2);

const HEADER = `// GENERATED FILE — do not edit by hand. Made by \`npm run gen:api\` (openapi-typescript) from
// src/types/openapi.json, the server's OpenAPI document (\`python -m streamai.openapi\`); to change a
// type, change streamai/contract/ and run scripts/gen-contract.sh. The rest of the dashboard imports
// these types through ./index.ts, never from here.
`;

const document = JSON.parse(await readFile(input, 'utf8'));
const ast = await openapiTS(document, {
  // A property is optional exactly when the document does not list it in \`required\`: a default
  // value (\`"default": null\`) says nothing about whether the server sends it, and request bodies
  // must keep their defaulted fields optional.
  defaultNonNullable: false,
  silent: true,
});
// Formatted with the dashboard's prettier settings, whatever the output path (check-contract uses a temp dir).
const options = await prettier.resolveConfig(here('../src/types/api.ts'));
const text = await prettier.format(HEADER + '\n' + astToString(ast), { ...options, parser: 'typescript' });
await writeFile(output, text);
