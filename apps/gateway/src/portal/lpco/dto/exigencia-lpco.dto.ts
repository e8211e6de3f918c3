import { IsOptional, IsString, Length, Matches } from 'class-validator';

/** `ExigenciaLpcoRequest`: the requirement's text. */
export class ExigenciaLpcoDto {
  @IsString()
  @Length(1, 3900)
  justificativa: string;

  @IsOptional()
  @Matches(/^[A-Z0-9]{1,10}$/, { message: 'motivoAnalise deve ser um código de motivo de análise (ex.: A01).' })
  motivoAnalise?: string;
}
