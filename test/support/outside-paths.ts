/**
 * Finds the paths a source file names that lead out of the repository: relative string
 * literals (imports, `new URL(…, import.meta.url)`, `path.resolve(__dirname, …)`) resolved from
 * the file's folder, and `path.join/resolve(__dirname, 'a', '..', …)` calls made of literals.
 * A clone has nothing beside it, so such a path works on one machine and fails on the next.
 */
import path from 'node:path';
import ts from 'typescript';

interface OutsidePath {
  line: number;
  named: string;
  resolved: string;
}

const fileFolder = new Set(['__dirname', 'import.meta.dirname']);

function isRelative(text: string): boolean {
  return text === '.' || text === '..' || /^\.\.?[\\/]/.test(text);
}

function literalText(node: ts.Node): string | undefined {
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)
    ? node.text
    : undefined;
}

/** `path.resolve(__dirname, '..', 'x')` or `join(import.meta.dirname, …)`, all literal. */
function joinedFromFileFolder(node: ts.CallExpression): string[] | undefined {
  const callee = node.expression.getText();
  if (!/^(path\.)?(resolve|join)$/.test(callee)) return undefined;
  const [first, ...rest] = node.arguments;
  if (first === undefined || !fileFolder.has(first.getText())) return undefined;
  const parts = rest.map(literalText);
  return parts.every((part) => part !== undefined) ? (parts as string[]) : undefined;
}

function inside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

export function pathsLeavingRoot(file: string, text: string, root: string): OutsidePath[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const folder = path.dirname(file);
  const found: OutsidePath[] = [];
  const check = (node: ts.Node, named: string, resolved: string) => {
    if (inside(root, resolved)) return;
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    found.push({ line, named, resolved });
  };
  const visit = (node: ts.Node) => {
    const literal = literalText(node);
    if (literal !== undefined && isRelative(literal)) {
      check(node, literal, path.resolve(folder, literal));
    }
    if (ts.isCallExpression(node)) {
      const parts = joinedFromFileFolder(node);
      // A single relative literal is already reported on its own.
      const alone = parts?.length === 1 && isRelative(parts[0] ?? '');
      if (parts !== undefined && !alone) {
        check(node, node.getText(), path.resolve(folder, ...parts));
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
