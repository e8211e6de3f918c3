import { useState } from 'preact/hooks';
import { api } from './api.js';
import { useCatalog } from './assinaturas.js';

const UFS = ['AC', 'AL', 'AM', 'AP', 'BA', 'CE', 'DF', 'ES', 'GO', 'MA', 'MG', 'MS', 'MT', 'PA', 'PB', 'PE', 'PI', 'PR', 'RJ', 'RN', 'RO', 'RR', 'RS', 'SC', 'SE', 'SP', 'TO'];

/** The admin API's other scenario actions: `{numero}` is the Duimp or LPCO the form names. */
const ACTIONS: Array<{ label: string; method: string; path: string; body: unknown }> = [
  { label: 'Retificação de Duimp', method: 'POST', path: '/admin/duimps/{numero}/retificacao', body: {} },
  { label: 'Entrega de Duimp', method: 'POST', path: '/admin/duimps/{numero}/entrega', body: { prosseguimentoDespacho: true } },
  { label: 'Desembaraço de Duimp', method: 'POST', path: '/admin/duimps/{numero}/desembaraco', body: {} },
  { label: 'Cancelamento de Duimp', method: 'POST', path: '/admin/duimps/{numero}/cancelamento', body: {} },
  { label: 'Solicitação de cálculo do ICMS', method: 'POST', path: '/admin/duimps/{numero}/icms/solicitacao', body: { ufFavorecida: 'SP', tipoSolicitacao: 'PAGAMENTO_INTEGRAL_DUIMP' } },
  { label: 'Cancelamento da solicitação de ICMS', method: 'POST', path: '/admin/duimps/{numero}/icms/solicitacao/cancelamento', body: {} },
  { label: 'Documento para a Sefaz', method: 'POST', path: '/admin/documentos', body: { tipoOperacao: 'DUIMP', numeroOperacao: '{numero}', ufs: ['SP'] } },
  { label: 'Registro de LPCO', method: 'POST', path: '/admin/lpcos', body: { orgao: 'ANVISA' } },
  { label: 'Situação de LPCO pelo anuente', method: 'POST', path: '/admin/lpcos/{numero}/situacao/anuente', body: { situacao: 'DEFERIDO' } },
  { label: 'Exigência em LPCO', method: 'POST', path: '/admin/lpcos/{numero}/exigencia', body: { justificativa: 'Apresentar laudo técnico.' } },
];

function Result({ result }: { result: { ok: boolean; body: unknown } | null }) {
  if (!result) return null;
  return <pre class={result.ok ? 'ok' : 'erro'} role="status">{typeof result.body === 'string' ? result.body : JSON.stringify(result.body, null, 2)}</pre>;
}

/** Runs one admin call and keeps its answer (or the portal's error body) for display. */
function useAction(onDone?: () => void) {
  const [result, setResult] = useState<{ ok: boolean; body: unknown } | null>(null);
  const run = async (method: string, path: string, body?: unknown) => {
    try {
      const answer = await api(method, path, body);
      setResult({ ok: true, body: answer });
      onDone?.();
      return answer;
    } catch (caught) {
      setResult({ ok: false, body: (caught as Error).message });
      return undefined;
    }
  };
  const fail = (text: string) => setResult({ ok: false, body: text });
  return { result, run, fail };
}

function parseJson(text: string): unknown {
  return text.trim() ? JSON.parse(text) : undefined;
}

function RegistrarDuimp({ onChanged }: { onChanged: () => void }) {
  const [ufImportador, setUfImportador] = useState('SP');
  const [ufDespacho, setUfDespacho] = useState('SP');
  const { result, run } = useAction(onChanged);
  return (
    <section>
      <h2>Registrar Duimp</h2>
      <form class="linha" data-testid="registrar-duimp" onSubmit={(e) => (e.preventDefault(), run('POST', '/admin/duimps', { ufImportador, ufDespacho }))}>
        <label>UF do importador<select name="ufImportador" value={ufImportador} onInput={(e) => setUfImportador(e.currentTarget.value)}>{UFS.map((uf) => <option>{uf}</option>)}</select></label>
        <label>UF de despacho<select name="ufDespacho" value={ufDespacho} onInput={(e) => setUfDespacho(e.currentTarget.value)}>{UFS.map((uf) => <option>{uf}</option>)}</select></label>
        <button type="submit">Registrar Duimp</button>
      </form>
      <Result result={result} />
    </section>
  );
}

function AcaoCenario({ onChanged }: { onChanged: () => void }) {
  const [index, setIndex] = useState(0);
  const [numero, setNumero] = useState('');
  const [body, setBody] = useState(JSON.stringify(ACTIONS[0].body, null, 2));
  const { result, run, fail } = useAction(onChanged);
  const submit = (e: Event) => {
    e.preventDefault();
    const action = ACTIONS[index];
    try {
      const filled = parseJson(body.replaceAll('{numero}', numero));
      run(action.method, action.path.replace('{numero}', encodeURIComponent(numero)), filled);
    } catch {
      fail('O corpo não é um JSON válido.');
    }
  };
  return (
    <section>
      <h2>Outras ações de cenário</h2>
      <form class="linha" onSubmit={submit}>
        <label>
          Ação
          <select value={index} onInput={(e) => {
            const next = Number(e.currentTarget.value);
            setIndex(next);
            setBody(JSON.stringify(ACTIONS[next].body, null, 2));
          }}>
            {ACTIONS.map((a, i) => <option value={i}>{a.label}</option>)}
          </select>
        </label>
        <label>Nº Duimp / LPCO<input value={numero} onInput={(e) => setNumero(e.currentTarget.value)} size={18} /></label>
        <label>Corpo (JSON)<textarea rows={4} cols={40} value={body} onInput={(e) => setBody(e.currentTarget.value)} /></label>
        <button type="submit">Executar</button>
      </form>
      <Result result={result} />
    </section>
  );
}

function EmitirEvento({ onChanged }: { onChanged: () => void }) {
  const catalog = useCatalog();
  const [evento, setEvento] = useState('dimp-registro');
  const [tipo, setTipo] = useState('UF');
  const [id, setId] = useState('SP');
  const [payload, setPayload] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const { result, run } = useAction(onChanged);
  const submit = (e: Event) => {
    e.preventDefault();
    let parsed: unknown;
    try {
      parsed = parseJson(payload);
    } catch {
      return setInvalid('O payload não é um JSON válido.');
    }
    setInvalid(null);
    run('POST', '/admin/eventos', { evento, destinatarios: [{ tipo, id }], ...(parsed === undefined ? {} : { payload: parsed }) });
  };
  return (
    <section>
      <h2>Emitir evento bruto</h2>
      <form class="linha" onSubmit={submit}>
        <label>Evento<select value={evento} onInput={(e) => setEvento(e.currentTarget.value)}>{catalog.map((c) => <option value={c.id} title={c.descricao}>{c.id}</option>)}</select></label>
        <label>Tipo de destinatário<select value={tipo} onInput={(e) => setTipo(e.currentTarget.value)}><option>UF</option><option>ORGAO</option><option>NI</option></select></label>
        <label>Destinatário<input value={id} onInput={(e) => setId(e.currentTarget.value)} size={14} /></label>
        <label>Payload (JSON; vazio: gerado)<textarea rows={4} cols={40} value={payload} onInput={(e) => setPayload(e.currentTarget.value)} /></label>
        <button type="submit">Emitir</button>
      </form>
      {invalid && <p class="erro">{invalid}</p>}
      <Result result={result} />
    </section>
  );
}

function Relogio({ onChanged, onClock }: { onChanged: () => void; onClock: (agora: string) => void }) {
  const [quantidade, setQuantidade] = useState('5');
  const [unidade, setUnidade] = useState('minutos');
  const [assinaturas, setAssinaturas] = useState(false);
  const { result, run } = useAction(onChanged);
  const advance = async (e: Event) => {
    e.preventDefault();
    const answer = await run('POST', '/admin/relogio/avancar', { [unidade]: Number(quantidade) });
    if (answer) onClock(answer.agora);
  };
  return (
    <section>
      <h2>Relógio simulado e reset</h2>
      <form class="linha" data-testid="avancar-relogio" onSubmit={advance}>
        <label>Avançar<input type="number" min="1" value={quantidade} onInput={(e) => setQuantidade(e.currentTarget.value)} size={6} /></label>
        <label>Unidade<select value={unidade} onInput={(e) => setUnidade(e.currentTarget.value)}><option>segundos</option><option>minutos</option><option>dias</option></select></label>
        <button type="submit">Avançar relógio</button>
      </form>
      <form class="linha" onSubmit={(e) => (e.preventDefault(), run('POST', `/admin/reset${assinaturas ? '?assinaturas=true' : ''}`))}>
        <label><span><input type="checkbox" checked={assinaturas} onInput={(e) => setAssinaturas(e.currentTarget.checked)} /> apagar também as assinaturas</span></label>
        <button type="submit">Reset (cenários e notificações)</button>
      </form>
      <Result result={result} />
    </section>
  );
}

function CadeiaRecibos() {
  const { result, run } = useAction();
  const verdict = result?.ok ? (result.body as { valida: boolean; recibos: number; [key: string]: unknown }) : null;
  return (
    <section>
      <h2>Cadeia de recibos</h2>
      <button type="button" onClick={() => run('GET', '/admin/recibos/verificacao')}>Verificar cadeia</button>
      {verdict && (
        <p class={verdict.valida ? 'ok' : 'erro'} data-testid="veredito">
          {verdict.valida ? `Cadeia íntegra: ${verdict.recibos} recibo(s).` : `Cadeia quebrada: ${JSON.stringify(verdict)}`}
        </p>
      )}
      {result && !result.ok && <Result result={result} />}
    </section>
  );
}

export function CenariosView({ onChanged, onClock }: { onChanged: () => void; onClock: (agora: string) => void }) {
  return (
    <>
      <RegistrarDuimp onChanged={onChanged} />
      <AcaoCenario onChanged={onChanged} />
      <EmitirEvento onChanged={onChanged} />
      <Relogio onChanged={onChanged} onClock={onClock} />
      <CadeiaRecibos />
    </>
  );
}
