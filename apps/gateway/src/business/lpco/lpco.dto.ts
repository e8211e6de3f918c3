import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { IsDecimal } from '#common';
import { LPCO_SITUACOES, TIPOS_OPERACAO } from '#catalog';
import type { LpcoSituacao, TipoOperacao } from '#domain';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class RegistrarLpcoDto {
  /** Form model (`ONNNNN`); I00101 (ANVISA) by default. */
  @IsOptional()
  @Matches(/^[EI]\d{5}$/, { message: 'codigoModelo deve ter o formato ONNNNN (O = E ou I)' })
  codigoModelo?: string;

  /** The órgão anuente, instead of the model's (required for a model the simulator does not know). */
  @IsOptional()
  @Matches(/^[A-Z0-9-]{2,20}$/, { message: 'orgao deve ser a sigla do órgão anuente' })
  orgao?: string;

  /** NI (CNPJ or CPF) of the importer/exporter who asks for it: the `NI` recipient of the anuente's actions. */
  @IsOptional()
  @Matches(/^(\d{11}|\d{14})$/, { message: 'niInteressado deve ser um CPF (11 dígitos) ou CNPJ (14 dígitos)' })
  niInteressado?: string;

  @IsOptional()
  @IsString()
  @Length(1, 150)
  nomeInteressado?: string;

  @IsOptional()
  @Matches(/^\d{8}$/, { message: 'ncm deve ter 8 dígitos' })
  ncm?: string;

  @IsOptional()
  @IsDecimal(5)
  @Min(0.00001)
  quantidade?: number;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(2_147_483_647)
  seed?: number;
}

export class JustificativaDto {
  @IsOptional()
  @IsString()
  @Length(1, 4000)
  justificativa?: string;
}

export class VinculoLpcoDto {
  @IsIn(TIPOS_OPERACAO)
  tipoOperacao: TipoOperacao;

  @IsString()
  @Length(1, 255)
  numeroOperacao: string;
}

export class SituacaoAnuenteDto extends JustificativaDto {
  @IsIn(Object.keys(LPCO_SITUACOES))
  situacao: LpcoSituacao;

  /** Only with DEFERIDO; today by default. */
  @IsOptional()
  @Matches(DATE)
  dataInicioVigencia?: string;

  /** Only with DEFERIDO; 180 days later by default. */
  @IsOptional()
  @Matches(DATE)
  dataFinalVigencia?: string;
}

export class SituacaoInteressadoDto extends JustificativaDto {
  @IsIn(Object.keys(LPCO_SITUACOES))
  situacao: LpcoSituacao;
}

export class ExigenciaDto {
  /** The requirement's text. */
  @IsString()
  @Length(1, 4000)
  justificativa: string;
}

export class ProrrogacaoDto extends JustificativaDto {
  /** The end of validity asked for; 90 days after the current one by default. */
  @IsOptional()
  @Matches(DATE)
  novaDataFinalVigencia?: string;
}

export class AnaliseDto extends JustificativaDto {
  @IsBoolean()
  deferida: boolean;
}

export class PendenciaDueDto {
  /** The DU-E averbada (`AABRNNNNNNNNNN`); the LPCO's linked DU-E by default. */
  @IsOptional()
  @Matches(/^\d{2}BR\d{10}$/, { message: 'numeroDue deve ter o formato AABRNNNNNNNNNN' })
  numeroDue?: string;
}
