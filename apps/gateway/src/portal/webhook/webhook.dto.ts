import { IsInt, IsOptional, IsString, MaxLength } from 'class-validator';

/** `POST /portal/api/ext/webhook`: the portal's fields, Text(40) evento, Text(500) https endpoint. */
export class CreateWebhookDto {
  @IsString()
  @MaxLength(40)
  evento: string;

  /** Length and `https://` are checked by the subscription rules, which name the rule broken. */
  @IsString()
  endpoint: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  chaveSecreta?: string | null;
}

/** `PUT /portal/api/ext/webhook/{id}`: the portal's example repeats `id` in the body. */
export class UpdateWebhookDto {
  @IsOptional()
  @IsInt()
  id?: number;

  @IsOptional()
  @IsString()
  @MaxLength(40)
  evento?: string;

  @IsString()
  endpoint: string;

  /** Omitted keeps the current secret; `null` removes it. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  chaveSecreta?: string | null;
}
