import type { Uf } from '#catalog';

/**
 * Reference data the generator draws from. NCM codes are real codes of the Mercosur nomenclature;
 * rates and typical prices are plausible figures for a simulator, not the current tariff.
 */
export interface NcmReference {
  ncm: string;
  descricao: string;
  unidadeEstatistica: string;
  unidadeComercializada: string;
  /** Typical unit price in US dollars [min, max]. */
  precoUsd: readonly [number, number];
  /** Net weight per commercial unit, kg. */
  pesoUnitarioKg: number;
  aliquotas: { II: number; IPI: number; PIS: number; COFINS: number };
}

const basic = { PIS: 2.1, COFINS: 9.65 };

export const NCMS: readonly NcmReference[] = [
  { ncm: '84713012', descricao: 'Notebook com tela de 14 polegadas, processador de 8 núcleos', unidadeEstatistica: 'UNIDADE', unidadeComercializada: 'UNIDADE', precoUsd: [380, 1400], pesoUnitarioKg: 1.6, aliquotas: { II: 16, IPI: 9.75, ...basic } },
  { ncm: '85171300', descricao: 'Telefone celular inteligente (smartphone), 128 GB', unidadeEstatistica: 'UNIDADE', unidadeComercializada: 'UNIDADE', precoUsd: [120, 650], pesoUnitarioKg: 0.19, aliquotas: { II: 16, IPI: 15, ...basic } },
  { ncm: '85423190', descricao: 'Circuito integrado monolítico, microcontrolador de 32 bits', unidadeEstatistica: 'UNIDADE', unidadeComercializada: 'UNIDADE', precoUsd: [0.8, 12], pesoUnitarioKg: 0.002, aliquotas: { II: 0, IPI: 0, ...basic } },
  { ncm: '87089990', descricao: 'Partes e acessórios para veículos automóveis, suporte de motor', unidadeEstatistica: 'QUILOGRAMA LIQUIDO', unidadeComercializada: 'UNIDADE', precoUsd: [6, 90], pesoUnitarioKg: 2.4, aliquotas: { II: 18, IPI: 3.25, ...basic } },
  { ncm: '40111000', descricao: 'Pneu novo de borracha para automóvel de passageiros, aro 16', unidadeEstatistica: 'UNIDADE', unidadeComercializada: 'UNIDADE', precoUsd: [28, 95], pesoUnitarioKg: 9.5, aliquotas: { II: 16, IPI: 1.95, ...basic } },
  { ncm: '73181500', descricao: 'Parafuso de aço com cabeça sextavada, rosca métrica M10', unidadeEstatistica: 'QUILOGRAMA LIQUIDO', unidadeComercializada: 'QUILOGRAMA', precoUsd: [1.8, 6], pesoUnitarioKg: 1, aliquotas: { II: 16, IPI: 6.5, ...basic } },
  { ncm: '84818099', descricao: 'Válvula de esfera em aço inoxidável para uso industrial', unidadeEstatistica: 'UNIDADE', unidadeComercializada: 'UNIDADE', precoUsd: [15, 240], pesoUnitarioKg: 1.8, aliquotas: { II: 14, IPI: 3.25, ...basic } },
  { ncm: '85044090', descricao: 'Conversor estático (inversor de frequência) trifásico', unidadeEstatistica: 'UNIDADE', unidadeComercializada: 'UNIDADE', precoUsd: [90, 900], pesoUnitarioKg: 4.2, aliquotas: { II: 14, IPI: 9.75, ...basic } },
  { ncm: '39269090', descricao: 'Outras obras de plástico, organizadores injetados em polipropileno', unidadeEstatistica: 'QUILOGRAMA LIQUIDO', unidadeComercializada: 'UNIDADE', precoUsd: [0.5, 8], pesoUnitarioKg: 0.35, aliquotas: { II: 18, IPI: 9.75, ...basic } },
  { ncm: '61091000', descricao: 'Camiseta de malha de algodão, masculina', unidadeEstatistica: 'UNIDADE', unidadeComercializada: 'UNIDADE', precoUsd: [1.5, 9], pesoUnitarioKg: 0.18, aliquotas: { II: 35, IPI: 0, ...basic } },
  { ncm: '94036000', descricao: 'Móvel de madeira para escritório, estante desmontada', unidadeEstatistica: 'UNIDADE', unidadeComercializada: 'UNIDADE', precoUsd: [40, 320], pesoUnitarioKg: 28, aliquotas: { II: 18, IPI: 3.25, ...basic } },
  { ncm: '30049099', descricao: 'Medicamento em doses, acondicionado para venda a retalho', unidadeEstatistica: 'QUILOGRAMA LIQUIDO', unidadeComercializada: 'CAIXA', precoUsd: [4, 60], pesoUnitarioKg: 0.12, aliquotas: { II: 8, IPI: 0, PIS: 2.76, COFINS: 13.03 } },
  { ncm: '33049910', descricao: 'Creme de beleza e creme nutritivo para a pele', unidadeEstatistica: 'QUILOGRAMA LIQUIDO', unidadeComercializada: 'UNIDADE', precoUsd: [2, 25], pesoUnitarioKg: 0.2, aliquotas: { II: 18, IPI: 22, PIS: 2.2, COFINS: 10.3 } },
  { ncm: '22042100', descricao: 'Vinho tinto fino em garrafas de 750 ml', unidadeEstatistica: 'LITRO', unidadeComercializada: 'GARRAFA', precoUsd: [3, 45], pesoUnitarioKg: 1.25, aliquotas: { II: 20, IPI: 10, ...basic } },
  { ncm: '08061000', descricao: 'Uvas frescas de mesa', unidadeEstatistica: 'QUILOGRAMA LIQUIDO', unidadeComercializada: 'QUILOGRAMA', precoUsd: [1.2, 3.5], pesoUnitarioKg: 1, aliquotas: { II: 10, IPI: 0, ...basic } },
  { ncm: '29362700', descricao: 'Vitamina C (ácido ascórbico) e seus derivados, a granel', unidadeEstatistica: 'QUILOGRAMA LIQUIDO', unidadeComercializada: 'QUILOGRAMA', precoUsd: [3, 9], pesoUnitarioKg: 1, aliquotas: { II: 2, IPI: 0, ...basic } },
];

export interface Country {
  codigo: string;
  descricao: string;
}

export const COUNTRIES: ReadonlyArray<readonly [Country, number]> = [
  [{ codigo: 'CN', descricao: 'China' }, 40],
  [{ codigo: 'US', descricao: 'Estados Unidos' }, 16],
  [{ codigo: 'DE', descricao: 'Alemanha' }, 8],
  [{ codigo: 'AR', descricao: 'Argentina' }, 5],
  [{ codigo: 'IN', descricao: 'Índia' }, 5],
  [{ codigo: 'JP', descricao: 'Japão' }, 4],
  [{ codigo: 'KR', descricao: 'Coreia do Sul' }, 4],
  [{ codigo: 'IT', descricao: 'Itália' }, 4],
  [{ codigo: 'MX', descricao: 'México' }, 3],
  [{ codigo: 'FR', descricao: 'França' }, 3],
  [{ codigo: 'CL', descricao: 'Chile' }, 3],
  [{ codigo: 'PT', descricao: 'Portugal' }, 2],
  [{ codigo: 'VN', descricao: 'Vietnã' }, 3],
];

/** Where importers are domiciled, weighted roughly like Brazil's imports. */
export const IMPORTER_UFS: ReadonlyArray<readonly [Uf, number]> = [
  ['SP', 36], ['SC', 11], ['PR', 9], ['RJ', 8], ['MG', 7], ['RS', 6], ['AM', 5], ['ES', 4], ['GO', 3],
  ['BA', 3], ['PE', 3], ['CE', 2], ['DF', 1], ['MT', 1], ['MS', 1],
];

/** Customs units of clearance (7-digit unit codes; simulated names). */
export const CUSTOMS_UNITS: Partial<Record<Uf, { codigo: string; nome: string; via: 'MARITMO' | 'AEREA' | 'RODOVIARIO' }>> = {
  SP: { codigo: '0817600', nome: 'Alfândega do Porto de Santos', via: 'MARITMO' },
  RJ: { codigo: '0717600', nome: 'Alfândega do Porto do Rio de Janeiro', via: 'MARITMO' },
  PR: { codigo: '0917800', nome: 'Alfândega do Porto de Paranaguá', via: 'MARITMO' },
  SC: { codigo: '0927800', nome: 'Alfândega do Porto de Itajaí', via: 'MARITMO' },
  ES: { codigo: '0727600', nome: 'Alfândega do Porto de Vitória', via: 'MARITMO' },
  RS: { codigo: '1017700', nome: 'Alfândega do Porto de Rio Grande', via: 'MARITMO' },
  AM: { codigo: '0227600', nome: 'Alfândega do Porto de Manaus', via: 'MARITMO' },
  BA: { codigo: '0517800', nome: 'Alfândega do Porto de Salvador', via: 'MARITMO' },
  PE: { codigo: '0417900', nome: 'Alfândega do Porto de Suape', via: 'MARITMO' },
  MG: { codigo: '0610600', nome: 'Alfândega do Aeroporto Internacional de Confins', via: 'AEREA' },
  DF: { codigo: '0110100', nome: 'Alfândega do Aeroporto Internacional de Brasília', via: 'AEREA' },
  GO: { codigo: '0120100', nome: 'Inspetoria do Porto Seco de Anápolis', via: 'RODOVIARIO' },
};

export const SURNAMES = [
  'Silva', 'Santos', 'Oliveira', 'Souza', 'Rodrigues', 'Ferreira', 'Alves', 'Pereira', 'Lima', 'Gomes', 'Costa',
  'Ribeiro', 'Martins', 'Carvalho', 'Almeida', 'Lopes', 'Soares', 'Fernandes', 'Vieira', 'Barbosa', 'Rocha', 'Dias',
  'Nascimento', 'Andrade', 'Moreira', 'Nunes', 'Marques', 'Machado', 'Mendes', 'Freitas', 'Cardoso', 'Teixeira',
];
export const FIRST_NAMES = [
  'Ana', 'Maria', 'Juliana', 'Fernanda', 'Patrícia', 'Camila', 'Beatriz', 'Luciana', 'João', 'José', 'Carlos',
  'Paulo', 'Lucas', 'Rafael', 'Marcelo', 'Ricardo', 'Eduardo', 'Gustavo', 'Rodrigo', 'Tiago',
];
export const COMPANY_SECTORS = [
  'Comércio Exterior', 'Importadora e Distribuidora', 'Indústria e Comércio', 'Tecnologia', 'Autopeças',
  'Máquinas e Equipamentos', 'Alimentos', 'Têxtil', 'Farmacêutica', 'Cosméticos', 'Eletrônicos', 'Logística e Trading',
];
export const COMPANY_SUFFIXES = ['Ltda', 'S.A.', 'Ltda', 'Ltda - ME', 'Ltda'];

export const FOREIGN_SUPPLIERS = [
  'Shenzhen Huaxin Electronics Co., Ltd.', 'Ningbo Ocean Trading Co., Ltd.', 'Global Parts Supply LLC',
  'Rheinmetall Komponenten GmbH', 'Osaka Precision Industries K.K.', 'Busan Marine Tech Co.',
  'Bodega Los Andes S.A.', 'Milano Forniture S.r.l.', 'Mumbai Pharma Exports Pvt. Ltd.', 'Lyon Cosmétiques SARL',
];
