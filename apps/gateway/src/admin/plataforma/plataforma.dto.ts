import { IsBoolean, IsInt, IsObject, IsOptional, Max, Min } from 'class-validator';

export class LimitesDto {
  @IsOptional() @IsBoolean() ativo?: boolean;
  /** `{funcao: limite por hora}`; functions outside the catalogue are refused. */
  @IsOptional() @IsObject() limites?: Record<string, number>;
}

export class ManutencaoDto {
  /** The daily window 01:00–03:00 (Brasília). */
  @IsBoolean() diaria: boolean;
}

export class AbrirManutencaoDto {
  @IsInt() @Min(1) @Max(7 * 24 * 60) minutos: number;
}
