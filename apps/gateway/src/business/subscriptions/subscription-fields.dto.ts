import { IsOptional, IsString, MaxLength } from 'class-validator';
import { NoControlCharacters } from '#common';

/** The portal's subscription fields, Text(40) evento and Text(500) https endpoint: what both audiences send. */
export class SubscriptionFieldsDto {
  @IsString()
  @MaxLength(40)
  evento: string;

  /** Length and `https://` are checked by the subscription rules, which name the rule broken. */
  @IsString()
  endpoint: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  @NoControlCharacters()
  chaveSecreta?: string | null;
}
