import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { ClockService } from '#clock';
import { AccessKey, Interveniente } from '#database';

export interface IssuedAccessKey {
  clientId: string;
  /** Shown once: only its hash is stored. */
  clientSecret: string;
  intervenienteId: string;
  createdAt: Date;
}

/** Why a key pair does not authenticate, in the portal's words (the reason of PLAT-ER8008). */
export type KeyRefusal = 'chave de acesso inexistente' | 'chave de acesso revogada' | 'chave secreta incorreta';

const sha256 = (secret: string) => createHash('sha256').update(secret, 'utf8').digest('hex');

/** Access key pairs ("chaves de acesso"): issued and revoked through the admin API, checked at login. */
@Injectable()
export class AccessKeysService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: ClockService,
  ) {}

  async issue(interveniente: Interveniente): Promise<IssuedAccessKey> {
    const clientId = randomBytes(16).toString('hex');
    const clientSecret = randomBytes(32).toString('base64url');
    const createdAt = await this.clock.now();
    await this.dataSource
      .getRepository(AccessKey)
      .insert({ clientId, secretSha256: sha256(clientSecret), intervenienteId: interveniente.id, createdAt, revokedAt: null });
    return { clientId, clientSecret, intervenienteId: interveniente.id, createdAt };
  }

  list(intervenienteId?: string): Promise<AccessKey[]> {
    return this.dataSource.getRepository(AccessKey).find({ where: intervenienteId ? { intervenienteId } : {}, order: { createdAt: 'DESC' } });
  }

  /** False when the key is unknown or already revoked. */
  async revoke(clientId: string): Promise<boolean> {
    const result = await this.dataSource
      .getRepository(AccessKey)
      .update({ clientId, revokedAt: IsNull() }, { revokedAt: await this.clock.now() });
    return Boolean(result.affected);
  }

  /** The key's owner, or why the pair is refused. */
  async authenticate(clientId: string, clientSecret: string): Promise<{ owner: Interveniente } | { refusal: KeyRefusal }> {
    const key = await this.dataSource.getRepository(AccessKey).findOne({ where: { clientId }, relations: { interveniente: true } });
    if (!key || !key.interveniente) return { refusal: 'chave de acesso inexistente' };
    const expected = Buffer.from(key.secretSha256, 'hex');
    if (!timingSafeEqual(expected, Buffer.from(sha256(clientSecret), 'hex'))) return { refusal: 'chave secreta incorreta' };
    if (key.revokedAt) return { refusal: 'chave de acesso revogada' };
    return { owner: key.interveniente };
  }
}
