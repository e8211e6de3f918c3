import { describe, expect, it } from 'vitest';
import { endpointFormRefusal, eventoRefusal } from './subscription-rules.js';

describe('subscription rules', () => {
  it('accepts an https endpoint under both profiles, any port only under local', () => {
    expect(endpointFormRefusal('https://sefaz.example/hook', 'portal')).toBeNull();
    expect(endpointFormRefusal('https://127.0.0.1:9443/hook', 'local')).toBeNull();
    expect(endpointFormRefusal('https://sefaz.example:8443/hook', 'portal')?.code).toBe('ENDPOINT_PORTA');
  });

  it('names the rule an endpoint breaks, and the field', () => {
    expect(endpointFormRefusal('http://sefaz.example/hook', 'local')).toMatchObject({ code: 'ENDPOINT_NAO_HTTPS', field: 'endpoint' });
    expect(endpointFormRefusal('javascript:alert(1)', 'local')?.code).toBe('ENDPOINT_NAO_HTTPS');
    expect(endpointFormRefusal('not a url', 'local')?.code).toBe('ENDPOINT_INVALIDO');
    expect(endpointFormRefusal('https://user:pw@sefaz.example/', 'local')?.code).toBe('ENDPOINT_CREDENCIAIS');
    expect(endpointFormRefusal(`https://sefaz.example/${'x'.repeat(500)}`, 'local')?.code).toBe('ENDPOINT_TAMANHO');
    expect(endpointFormRefusal('ftp://x', 'local', 'url')?.field).toBe('url');
  });

  it('lets each tipo subscribe only the events addressed to it', () => {
    expect(eventoRefusal('dimp-registro', 'SEFAZ')).toBeNull();
    expect(eventoRefusal('talp-registro-lpco', 'ANUENTE')).toBeNull();
    expect(eventoRefusal('talp-altsit-lpco-anu', 'PRIVADO')).toBeNull();
    expect(eventoRefusal('dimp-registro', 'ANUENTE')?.code).toBe('EVENTO_NAO_PERMITIDO');
    expect(eventoRefusal('talp-registro-lpco', 'SEFAZ')?.code).toBe('EVENTO_NAO_PERMITIDO');
    expect(eventoRefusal('nao-existe', 'SEFAZ')).toMatchObject({ code: 'EVENTO_INEXISTENTE', field: 'evento' });
  });
});
