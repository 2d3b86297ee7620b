#!/usr/bin/env node
// Counts the names each public entry of each package exports (values and types), from the
// sources the `@embedkit/source` export condition names, with the TypeScript compiler API.
// Usage: node scripts/count-exports.mjs   (prints a Markdown table)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const rows = [];
for (const name of readdirSync('packages').sort()) {
  const manifestPath = join('packages', name, 'package.json');
  if (!existsSync(manifestPath)) continue;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  for (const [subpath, conditions] of Object.entries(manifest.exports ?? {})) {
    const source = conditions?.['@embedkit/source'];
    if (source === undefined) continue;
    const file = join('packages', name, source);
    const program = ts.createProgram([file], {
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      customConditions: ['@embedkit/source'],
      noEmit: true,
    });
    const checker = program.getTypeChecker();
    const exported = checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(file)));
    const values = exported.filter((symbol) => {
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      return (target.flags & ts.SymbolFlags.Value) !== 0;
    }).length;
    const entry = subpath === '.' ? manifest.name : `${manifest.name}/${subpath.slice(2)}`;
    rows.push(`| \`${entry}\` | ${exported.length} | ${values} | ${exported.length - values} |`);
  }
}
console.log(['| entry | exports | values | types |', '| --- | --- | --- | --- |', ...rows].join('\n'));
