import { useEffect, useState } from 'preact/hooks';
import { api } from './api.js';
import { dateTime, fromLocalInput, SITUACOES, Situacao } from './format.js';

const PAGE = 20;

interface Filters {
  evento: string;
  destinatario: string;
  situacao: string;
  desde: string;
  ate: string;
  numero: string;
}

const EMPTY: Filters = { evento: '', destinatario: '', situacao: '', desde: '', ate: '', numero: '' };

function queryString(filters: Filters, offset: number): string {
  const params = new URLSearchParams({ limit: String(PAGE), offset: String(offset) });
  for (const key of ['evento', 'destinatario', 'situacao', 'numero'] as const) if (filters[key]) params.set(key, filters[key].trim());
  const desde = fromLocalInput(filters.desde);
  const ate = fromLocalInput(filters.ate);
  if (desde) params.set('desde', desde);
  if (ate) params.set('ate', ate);
  return params.toString();
}

/** The latest notifications, filtered and paged; refreshed whenever the stream reports a change. */
export function EntregasView({ revision, onOpen }: { revision: number; onOpen: (id: string) => void }) {
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<{ total: number; itens: any[] } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api('GET', `/admin/painel/entregas?${queryString(filters, offset)}`)
      .then((result) => (setPage(result), setError(null)))
      .catch((caught) => setError(caught.message));
  }, [filters, offset, revision]);

  const field = (key: keyof Filters) => ({
    name: key,
    value: draft[key],
    onInput: (e: Event) => setDraft({ ...draft, [key]: (e.currentTarget as HTMLInputElement).value }),
  });
  const apply = (e: Event) => {
    e.preventDefault();
    setOffset(0);
    setFilters(draft);
  };

  return (
    <section>
      <h2>Entregas (notificações mais recentes)</h2>
      <form class="filtros" onSubmit={apply}>
        <label>Evento<input {...field('evento')} placeholder="dimp-registro" /></label>
        <label>Destinatário<input {...field('destinatario')} placeholder="SP, ANVISA, CNPJ" size={14} /></label>
        <label>
          Situação
          <select {...field('situacao')}>
            <option value="">todas</option>
            {SITUACOES.map((s) => <option value={s}>{s}</option>)}
          </select>
        </label>
        <label>Desde<input type="datetime-local" {...field('desde')} /></label>
        <label>Até<input type="datetime-local" {...field('ate')} /></label>
        <label>Nº Duimp / LPCO<input {...field('numero')} placeholder="26BR…" size={16} /></label>
        <button type="submit">Filtrar</button>
        <button type="button" onClick={() => (setDraft(EMPTY), setFilters(EMPTY), setOffset(0))}>Limpar</button>
      </form>
      {error && <p class="erro" role="alert">{error}</p>}
      <table data-testid="entregas">
        <thead>
          <tr>
            <th>Ocorrido em</th><th>Evento</th><th>Documento</th><th>Destinatário</th><th>Endpoint</th>
            <th>Situação</th><th>Tentativas</th><th>Última causa</th><th>Próxima tentativa</th>
          </tr>
        </thead>
        <tbody>
          {page?.itens.map((n) => (
            <tr class="clicavel" data-id={n.id} onClick={() => onOpen(n.id)}>
              <td>{dateTime(n.ocorridoEm)}</td>
              <td>{n.evento}</td>
              <td class="mono">{n.documento ?? '—'}</td>
              <td>{n.destinatario.tipo} {n.destinatario.id}</td>
              <td class="endpoint">{n.endpoint}</td>
              <td><Situacao value={n.situacao} /></td>
              <td data-col="tentativas">{n.tentativas}</td>
              <td>{n.ultimaCausa ?? '—'}</td>
              <td>{n.proximaTentativa ? dateTime(n.proximaTentativa) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {page && page.itens.length === 0 && <p>Nenhuma notificação com esses filtros.</p>}
      {page && (
        <div class="paginacao">
          <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>Anteriores</button>
          <span>
            {page.total ? `${offset + 1}–${Math.min(offset + PAGE, page.total)} de ${page.total}` : '0 de 0'}
          </span>
          <button type="button" disabled={offset + PAGE >= page.total} onClick={() => setOffset(offset + PAGE)}>Seguintes</button>
        </div>
      )}
    </section>
  );
}
