import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import type { EventPayload, RecipientType } from '#catalog';
import { IsPayload } from './is-payload.js';

export const RECIPIENT_TYPES: readonly RecipientType[] = ['UF', 'ORGAO', 'NI'];
export const RECIPIENT_ID_LENGTH = { min: 2, max: 20 } as const;
export const MAX_SEED = 2 ** 31 - 1;

export class DestinatarioDto {
  @IsIn(RECIPIENT_TYPES)
  tipo: RecipientType;

  /** UF (`SP`), órgão (`ANVISA`) or NI (CNPJ/CPF). */
  @IsString()
  @Length(RECIPIENT_ID_LENGTH.min, RECIPIENT_ID_LENGTH.max)
  id: string;
}

export class EmitirEventoDto {
  @IsString()
  evento: string;

  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => DestinatarioDto)
  destinatarios: DestinatarioDto[];

  /**
   * The notification body (an object, or an array where the event's is one); its time field is filled with
   * the simulated time when absent. Without it, a valid example body is generated from `seed`.
   */
  @IsOptional()
  @IsPayload()
  payload?: EventPayload;

  /** `false` sends a payload that breaks the event's schema, for receivers' negative tests. */
  @IsOptional()
  @IsBoolean()
  validarPayload?: boolean;

  /** Seed of the generated example body (same seed, same body). */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_SEED)
  seed?: number;
}
