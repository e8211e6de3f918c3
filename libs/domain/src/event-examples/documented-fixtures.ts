/*
 * Bodies transcribed from the public sources each catalogue entry cites (docs/provenance.md): field names,
 * nesting, types, date formats and top-level array vs object as the source shows them; the values are our own.
 */
export const DOCUMENTED_FIXTURES: Record<string, unknown> = {
  // Official page "Notificação push - CCT Exportação".
  'cctr-resultado-recepcao': { protocolo: 'RCAR-20250310-0001234-0001', situacao: 'CONCLUÍDO COM FALHA', data: '2025-03-10T13:00:00.000Z' },
  // Official page "Notificação push - Transportador": an array of blocks.
  'ccti-bloq-crt': [{ numeroCarga: 'UY123452025', dataEmissao: '2025-03-01T10:00:00-03:00', motivoBloqueio: 'Sob análise da RFB', tipoBloqueio: 'Impede entrega da carga' }],
  'ccti-desbloq-crt': [{ numeroCarga: 'UY123452025', dataEmissao: '2025-03-01T10:00:00-03:00', motivoBloqueio: 'Sob análise da RFB', tipoBloqueio: 'Impede entrega da carga' }],
};

/** Bodies public integrator code reads (fixtures and receivers), for the entries whose body no official page shows. */
export const INTEGRATOR_FIXTURES: Record<string, unknown> = {
  'dimp-diag-import': {
    code: 'DIMP-IN0001',
    message: 'Diagnóstico concluído.',
    identificacao: { numero: '25BR00000123459', versao: '0' },
    niImportador: '12345678000199',
    situacaoDuimp: '',
    evento: ['Solicitação de Diagnóstico'],
    dataEvento: '2025-03-10T09:15:00-0300',
    diagnostico: {
      situacao: 'COM_ERROS',
      dataGeracao: '2025-03-10T09:15:00-0300',
      resultado: [{ tipo: 'ERRO', item: 1, mensagem: { codigo: 'DIMP-ER0123', texto: 'Erro.' }, sistemaOrigem: 'DUIMP' }],
    },
  },
  'dimp-registro-import': {
    registroIniciado: true,
    code: 'DIMP-IN0002',
    message: 'Registro concluído.',
    identificacao: { numero: '25BR00000123459', versao: '1' },
    niImportador: '12345678000199',
    situacaoDuimp: 'REGISTRADA_AGUARDANDO_CANAL',
    evento: ['Solicitação de Registro'],
    dataEvento: '2025-03-10T10:00:00-0300',
    diagnostico: { situacao: 'SEM_ERROS', dataGeracao: '2025-03-10T10:00:00-0300' },
  },
  'dimp-situacao-import': {
    code: 'DIMP-IN0003',
    message: 'A sua Duimp se encontra em conferência.',
    identificacao: { numero: '25BR00000123459', versao: '1' },
    niImportador: '12345678000199',
    situacaoDuimp: 'EM_CONFERENCIA_SELECIONADA',
    evento: ['Solicitação de Registro'],
    dataEvento: '2025-03-11T08:30:00-0300',
    canal: 'VERMELHO',
  },
  'duex-historico': { tipo: 'DESEMBARACADA', descricao: 'Desembaraço', data: '10/03/2025 15:20:11:042', due: { numero: '25BR0001234567', ruc: '5BR12345678200000000000000000123456' } },
  'catp-prod-desativado': { titulo: 'Produtos desativados', mensagem: 'Produtos desativados para o NCM 09022000.', cpfCnpjRaiz: '12345678', ncm: '09022000' },
  'ccti-vinc-docto-saida': {
    tipoDocumentoSaida: 'DUIMP',
    numeroDocumentoSaida: '25BR0000012345-9',
    identificacaoCarga: '1234567890',
    dataEmissaoCarga: '01/03/2025 10:00 (UTC -03:00)',
    cnpjResponsavelArquivoCarga: '12345678000199',
    dataHoraVinculacao: '10/03/2025 11:00:00',
  },
  'talp-altsit-lpco-anu': {
    dataEvento: '10/03/2025 15:20:11.042000',
    numeroLPCO: 'I2500000001',
    justificativa: 'Conforme.',
    novaSituacao: { id: 'PARA_ANALISE', descricao: 'Para análise' },
    codigoModelo: 'E00061',
    cpfCnpj: ['12345678000199'],
  },
};
