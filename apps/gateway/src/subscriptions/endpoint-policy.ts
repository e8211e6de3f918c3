import type { FieldError } from '#common';

export const ENDPOINT_MAX_LENGTH = 500;

/** The rules every subscription endpoint follows; each refusal names the rule it broke. */
export function checkEndpoint(endpoint: string, field = 'endpoint'): FieldError[] {
  const refuse = (code: string, message: string): FieldError[] => [{ code, field, message }];
  if (endpoint.length > ENDPOINT_MAX_LENGTH) {
    return refuse('ENDPOINT_TAMANHO', `O endpoint deve ter no máximo ${ENDPOINT_MAX_LENGTH} caracteres.`);
  }
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return refuse('ENDPOINT_INVALIDO', 'O endpoint não é uma URL válida.');
  }
  if (url.protocol !== 'https:') {
    return refuse('ENDPOINT_NAO_HTTPS', 'O endpoint deve ser uma URL segura (HTTPS).');
  }
  if (url.username || url.password) {
    return refuse('ENDPOINT_CREDENCIAIS', 'O endpoint não pode conter usuário ou senha na URL.');
  }
  return [];
}
