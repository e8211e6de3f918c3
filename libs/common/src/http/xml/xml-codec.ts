import { MAX_BODY_DEPTH } from '../body-guard.js';
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';

/** Why an XML document was refused, in the portal's words. */
export class XmlRefused extends Error {}

/** A DOCTYPE is where entities are declared: refusing it refuses entity expansion (XXE, billion laughs). */
const DOCTYPE_OR_ENTITY = /<!(DOCTYPE|ENTITY)/i;

const parser = new XMLParser({
  ignoreAttributes: true,
  ignoreDeclaration: true,
  // Every value stays a string: the target DTO decides what is a number or a boolean.
  parseTagValue: false,
  trimValues: true,
  // Only the five predefined XML entities are decoded; no DOCTYPE means none can be declared.
  processEntities: true,
  htmlEntities: false,
  // The root element plus the body's own nesting cap; past it the parser throws and the body is refused.
  maxNestedTags: MAX_BODY_DEPTH + 1,
});

const builder = new XMLBuilder({ format: false, suppressEmptyNode: true });

/** Parses a request body: one root element, whose children are the fields. */
export function parseXmlDocument(text: string): Record<string, unknown> {
  if (DOCTYPE_OR_ENTITY.test(text)) throw new XmlRefused('O XML não pode conter DOCTYPE nem declarações de entidade.');
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new XmlRefused(`XML malformado: ${valid.err.msg} (linha ${valid.err.line}).`);
  let document: Record<string, unknown>;
  try {
    document = parser.parse(text) as Record<string, unknown>;
  } catch {
    // The validator passed it: what remains is the parser's own limit, the nesting depth.
    throw new XmlRefused(`O XML excede ${MAX_BODY_DEPTH} níveis de aninhamento.`);
  }
  const roots = Object.keys(document);
  if (roots.length !== 1) throw new XmlRefused('O XML deve ter um único elemento raiz.');
  const content = document[roots[0]];
  if (content === '') return {};
  if (typeof content !== 'object' || content === null || Array.isArray(content)) {
    throw new XmlRefused('O elemento raiz do XML deve conter os campos da requisição.');
  }
  return content as Record<string, unknown>;
}

/** Drops null/undefined (an absent element) and turns a Date into its ISO text. */
function prune(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(prune);
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, field]) => field !== null && field !== undefined)
        .map(([key, field]) => [key, prune(field)]),
    );
  }
  return value;
}

/**
 * Writes a response body. Arrays inside an object repeat their element (`<errors>…</errors><errors>…</errors>`);
 * a top-level array becomes `<root><item>…</item>…</root>`.
 */
export function toXml(root: string, value: unknown, item = 'item'): string {
  const content = Array.isArray(value) ? { [item]: prune(value) } : prune(value);
  return `<?xml version="1.0" encoding="UTF-8"?>${builder.build({ [root]: content }) as string}`;
}
