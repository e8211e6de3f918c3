import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateIf, ValidateNested } from 'class-validator';

export class CargaDto {
  /** Notifications per second. */
  @IsInt()
  @Min(1)
  @Max(50)
  taxa: number;

  @IsInt()
  @Min(1)
  @Max(60)
  duracaoSegundos: number;
}

/** Start a conformance run of one endpoint, or of the endpoint of one subscription. */
export class IniciarConformidadeDto {
  /** The endpoint to test; or give `assinaturaId`. */
  @ValidateIf((dto: IniciarConformidadeDto) => dto.assinaturaId === undefined || dto.endpoint !== undefined)
  @IsString()
  @Length(1, 500)
  endpoint?: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  assinaturaId?: number;

  /** NI (CNPJ/CPF) of the interveniente the endpoint belongs to; taken from the subscription when absent. */
  @ValidateIf((dto: IniciarConformidadeDto) => dto.assinaturaId === undefined || dto.interveniente !== undefined)
  @IsString()
  @Matches(/^(\d{11}|\d{14})$/, { message: 'interveniente deve ser um CPF (11 dígitos) ou CNPJ (14 dígitos).' })
  interveniente?: string;

  /** Only these events (default: every catalogue event the interveniente may receive). */
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @IsString({ each: true })
  eventos?: string[];

  /** `portal`: the real portal's network rules fail the run; `local`: they are warnings. Default: the simulator's ENDPOINT_POLICY. */
  @IsOptional()
  @IsIn(['local', 'portal'])
  perfil?: 'local' | 'portal';

  /** The secret to send (the subscription's own when started from one). */
  @IsOptional()
  @IsString()
  @Length(1, 200)
  @Matches(/^[\x20-\x7e]+$/, { message: 'chaveSecreta não pode conter caracteres de controle.' })
  chaveSecreta?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => CargaDto)
  carga?: CargaDto;
}
