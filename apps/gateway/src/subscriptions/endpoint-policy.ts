import { Injectable } from '@nestjs/common';
import { type FieldError, HostResolver, nonPublicRange } from '#common';
import { AppConfig } from '#config';

export const ENDPOINT_MAX_LENGTH = 500;

/** The rules every subscription endpoint follows under the configured profile; each refusal names its rule. */
@Injectable()
export class EndpointPolicy {
  private readonly resolver: HostResolver;

  constructor(private readonly config: AppConfig) {
    this.resolver = new HostResolver(config.DNS_SERVERS);
  }

  async check(endpoint: string, field = 'endpoint'): Promise<FieldError[]> {
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
    if (this.config.ENDPOINT_POLICY === 'local') return [];

    if (url.port !== '') {
      return refuse('ENDPOINT_PORTA', `O endpoint deve usar a porta 443 (perfil portal); a URL usa a porta ${url.port}.`);
    }
    let addresses;
    try {
      addresses = await this.resolver.resolve(url.hostname);
    } catch {
      return refuse('ENDPOINT_NAO_RESOLVIDO', `O nome ${url.hostname} não resolve para nenhum endereço.`);
    }
    for (const { address } of addresses) {
      const range = nonPublicRange(address);
      if (range) {
        return refuse('ENDPOINT_ENDERECO_NAO_PUBLICO', `O endpoint resolve para ${address}, endereço ${range}: só endereços públicos são aceitos (perfil portal).`);
      }
    }
    return [];
  }
}
