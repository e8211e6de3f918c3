import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { TIPOS_OPERACAO, UFS } from '#catalog';
import type { TipoOperacao } from '#domain';

export class DisponibilizarDocumentoDto {
  /** The operation the document is attached to; DUIMP by default. */
  @IsOptional()
  @IsIn(TIPOS_OPERACAO)
  tipoOperacao?: TipoOperacao;

  /** The operation's number in its own format (a registered Duimp for DUIMP, `OAANNNNNNNN` for LPCO...). */
  @IsString()
  @Length(1, 255)
  numeroOperacao: string;

  /** UFs whose Sefaz get the document; for a Duimp, its UFs of interest by default. */
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(27)
  @ArrayUnique()
  @IsIn(UFS, { each: true })
  ufs?: Array<(typeof UFS)[number]>;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  idTipoDocumento?: number;

  @IsOptional()
  @IsString()
  @Length(1, 255)
  nomeArquivo?: string;

  /** 1 every órgão of the operation; 2 RFB and Sefaz only. */
  @IsOptional()
  @IsIn([1, 2])
  tipoAcesso?: number;
}
