/**
 * The authorization base seeded at first boot: the 27 Sefaz (one per UF) and a few órgãos anuentes.
 * CNPJs are synthetic (valid check digits, generated once from a fixed seed) and fixed here so every
 * installation has the same parties. System codes follow `SEFAZ-<UF>` and the órgão's acronym.
 */
export const SEEDED_SEFAZ: ReadonlyArray<readonly [uf: string, state: string, cnpj: string]> = [
  ['AC', 'Acre', '91308547000104'],
  ['AL', 'Alagoas', '42521017000134'],
  ['AP', 'Amapá', '33656991000114'],
  ['AM', 'Amazonas', '42081865000170'],
  ['BA', 'Bahia', '18482531000123'],
  ['CE', 'Ceará', '03550605000144'],
  ['DF', 'Distrito Federal', '89473967000102'],
  ['ES', 'Espírito Santo', '83609010000156'],
  ['GO', 'Goiás', '42878494000151'],
  ['MA', 'Maranhão', '86034382000190'],
  ['MT', 'Mato Grosso', '10060262000103'],
  ['MS', 'Mato Grosso do Sul', '31857890000186'],
  ['MG', 'Minas Gerais', '29197540000199'],
  ['PA', 'Pará', '05596067000154'],
  ['PB', 'Paraíba', '29024404000105'],
  ['PR', 'Paraná', '05442621000149'],
  ['PE', 'Pernambuco', '00126398000107'],
  ['PI', 'Piauí', '53489616000134'],
  ['RJ', 'Rio de Janeiro', '34467181000182'],
  ['RN', 'Rio Grande do Norte', '02937829000140'],
  ['RS', 'Rio Grande do Sul', '25270318000113'],
  ['RO', 'Rondônia', '93709057000145'],
  ['RR', 'Roraima', '92374507000123'],
  ['SC', 'Santa Catarina', '43334093000101'],
  ['SP', 'São Paulo', '99246982000163'],
  ['SE', 'Sergipe', '62202252000150'],
  ['TO', 'Tocantins', '60149614000161'],
];

export const SEEDED_ANUENTES: ReadonlyArray<readonly [orgao: string, name: string, cnpj: string]> = [
  ['ANVISA', 'Agência Nacional de Vigilância Sanitária', '35391415000118'],
  ['MAPA', 'Ministério da Agricultura e Pecuária', '75157079000168'],
  ['INMETRO', 'Instituto Nacional de Metrologia, Qualidade e Tecnologia', '38980080000161'],
  ['IBAMA', 'Instituto Brasileiro do Meio Ambiente e dos Recursos Naturais Renováveis', '32542210000106'],
  ['DECEX', 'Departamento de Operações de Comércio Exterior', '35422884000157'],
  ['EXERCITO', 'Comando do Exército - Diretoria de Fiscalização de Produtos Controlados', '50231073000162'],
];

export interface SeedInterveniente {
  ni: string;
  name: string;
  tipo: 'SEFAZ' | 'ANUENTE';
  uf: string | null;
  orgao: string | null;
  systemCode: string;
}

export function seededIntervenientes(): SeedInterveniente[] {
  return [
    ...SEEDED_SEFAZ.map(([uf, state, cnpj]) => ({
      ni: cnpj,
      name: `Secretaria da Fazenda do Estado de ${state} (SIMULADA)`,
      tipo: 'SEFAZ' as const,
      uf,
      orgao: null,
      systemCode: `SEFAZ-${uf}`,
    })),
    ...SEEDED_ANUENTES.map(([orgao, name, cnpj]) => ({
      ni: cnpj,
      name: `${name} (SIMULADO)`,
      tipo: 'ANUENTE' as const,
      uf: null,
      orgao,
      systemCode: orgao,
    })),
  ];
}

/**
 * Private importers/exporters seeded from this release on: one person logging in with an e-CPF as IMPEXP
 * (the profile takes e-CPF only) and one company logging in with its e-CNPJ as TERCEIROS (e-CNPJ only).
 * They subscribe their own events (`NI`): Duimp `dimp-*-import`, DU-E, TA-LPCO to the holder...
 */
export const SEEDED_PRIVADOS: ReadonlyArray<{ ni: string; name: string; roleTypes: string[] }> = [
  { ni: '74573249842', name: 'Importador Exportador Pessoa Física (SIMULADO)', roleTypes: ['IMPEXP'] },
  { ni: '03251885000190', name: 'Comercial Importadora e Exportadora Ltda (SIMULADA)', roleTypes: ['TERCEIROS'] },
];
