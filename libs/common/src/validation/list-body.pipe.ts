import { Injectable, type PipeTransform } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { PortalValidationException } from '../errors/portal.exception.js';
import { toFieldErrors } from '../errors/validation.js';
import { coerceInstance, isXmlBody } from '../http/xml/xml-body.js';

/**
 * A body that is a list of `T` (the portal's `List<T>` request bodies): a JSON array, or in XML a root whose
 * repeated children are the entries (`<opcoesIcms><opcaoIcms>…</opcaoIcms>…</opcoesIcms>`). Each entry is
 * validated like any body, its errors named `<index>.<field>`. The global pipe leaves array bodies alone.
 */
@Injectable()
export class ListBodyPipe<T extends object> implements PipeTransform<unknown, Promise<T[]>> {
  constructor(private readonly type: new () => T) {}

  async transform(body: unknown): Promise<T[]> {
    const entries = isXmlBody(body) ? xmlEntries(body) : body;
    if (!Array.isArray(entries) || entries.length === 0) {
      throw new PortalValidationException(
        [{ code: 'VALIDACAO_LISTA', field: 'body', message: 'O corpo deve ser uma lista com ao menos um item.' }],
        'O corpo deve ser uma lista com ao menos um item.',
      );
    }
    const xml = isXmlBody(body);
    const instances = entries.map((entry: unknown) => {
      if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return entry as T;
      const instance = plainToInstance(this.type, entry);
      if (xml) coerceInstance(instance);
      return instance;
    });
    const errors = (
      await Promise.all(
        instances.map(async (instance, index) => {
          if (!(instance instanceof this.type)) {
            return [{ code: 'VALIDACAO_ITEM', field: String(index), message: `O item ${index} da lista deve ser um objeto.` }];
          }
          return toFieldErrors(await validate(instance, { whitelist: true, forbidNonWhitelisted: true }), String(index));
        }),
      )
    ).flat();
    if (errors.length > 0) throw new PortalValidationException(errors);
    return instances;
  }
}

/** The XML root's one repeated child, whatever its name: a single entry comes as an object, several as an array. */
function xmlEntries(body: Record<string, unknown>): unknown[] {
  const children = Object.values(body);
  if (children.length !== 1) return [];
  return [children[0]].flat();
}
