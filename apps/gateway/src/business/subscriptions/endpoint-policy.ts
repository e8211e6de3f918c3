import { Injectable } from '@nestjs/common';
import { type FieldError, HostResolver, nonPublicRange } from '#common';
import { AppConfig } from '#config';
import { endpointFormRefusal } from '#notifications';

/** The rules every subscription endpoint follows under the configured profile; each refusal names its rule. */
@Injectable()
export class EndpointPolicy {
  private readonly resolver: HostResolver;

  constructor(private readonly config: AppConfig) {
    this.resolver = new HostResolver(config.DNS_SERVERS);
  }

  async check(endpoint: string, field = 'endpoint'): Promise<FieldError[]> {
    const refusal = endpointFormRefusal(endpoint, this.config.ENDPOINT_POLICY, field);
    if (refusal) return [refusal];
    if (this.config.ENDPOINT_POLICY === 'local') return [];

    const refuse = (code: string, message: string): FieldError[] => [{ code, field, message }];
    const { hostname } = new URL(endpoint);
    let addresses;
    try {
      addresses = await this.resolver.resolve(hostname);
    } catch {
      return refuse('ENDPOINT_NAO_RESOLVIDO', `O nome ${hostname} não resolve para nenhum endereço.`);
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
