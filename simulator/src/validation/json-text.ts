import type { FastifyInstance } from 'fastify';
import { WeChatError } from '../errors/wechat-error';

/**
 * The deepest nesting a body may have. WeChat Pay's bodies nest four levels at most
 * (`detail.goods_detail[].…`); a deeper one is refused before it is parsed, so that nothing
 * recursive (a fingerprint, a snapshot) ever meets one too deep for the stack.
 */
export const MAX_JSON_DEPTH = 64;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The bytes of a body as text; 400 PARAM_ERROR when they are not UTF-8 (as WeChat Pay takes). */
export function utf8Text(raw: Buffer): string {
  try {
    return utf8.decode(raw);
  } catch {
    throw new WeChatError(400, 'PARAM_ERROR', 'The body is not valid UTF-8; send it as UTF-8.', {
      location: 'body',
    });
  }
}

/** 400 PARAM_ERROR when `text` nests arrays and objects deeper than {@link MAX_JSON_DEPTH}. */
export function refuseDeepJson(text: string): void {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === 0x5c)
        index += 1; // a backslash escapes the next character
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x5b || char === 0x7b) {
      depth += 1;
      if (depth > MAX_JSON_DEPTH) {
        throw new WeChatError(
          400,
          'PARAM_ERROR',
          `The body nests arrays and objects deeper than ${MAX_JSON_DEPTH} levels.`,
          { location: 'body' },
        );
      }
    } else if (char === 0x5d || char === 0x7d) depth -= 1;
  }
}

/**
 * The simulator's own routes parse JSON as fastify does (a `__proto__` key refused), after the
 * same checks as API v3's bodies: UTF-8, and not nested too deep.
 */
export function useStrictJsonBodies(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = utf8Text(body as Buffer);
      refuseDeepJson(text);
    } catch (error) {
      done(error as Error, undefined);
      return;
    }
    parseJson(request, text, done);
  });
}
