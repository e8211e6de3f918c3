import { useEffect, useState } from 'preact/hooks';
import { api } from './api.js';
import { dateTime, duration } from './format.js';

export interface CatalogEvent {
  id: string;
  descricao: string;
  tipoAssinante: string;
}

/** Loads the catalogue once per view. */
export function useCatalog(): CatalogEvent[] {
  const [events, setEvents] = useState<CatalogEvent[]>([]);
  useEffect(() => {
    api<CatalogEvent[]>('GET', '/admin/painel/eventos').then(setEvents, () => setEvents([]));
  }, []);
  return events;
}

function NovaAssinatura({ intervenientes, onCreated }: { intervenientes: any[]; onCreated: () => void }) {
  const catalog = useCatalog();
  const [form, setForm] = useState({ intervenienteId: '', evento: 'dimp-registro', endpoint: 'https://', chaveSecreta: '' });
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const owner = intervenientes.find((i) => i.id === form.intervenienteId);
  const events = catalog.filter((e) => !owner || e.tipoAssinante === owner.tipo);
  const set = (key: keyof typeof form) => (e: Event) => setForm({ ...form, [key]: (e.currentTarget as HTMLInputElement).value });
  const submit = async (e: Event) => {
    e.preventDefault();
    try {
      const created = await api('POST', '/admin/assinaturas', {
        intervenienteId: form.intervenienteId,
        evento: form.evento,
        endpoint: form.endpoint,
        ...(form.chaveSecreta ? { chaveSecreta: form.chaveSecreta } : {}),
      });
      setMessage({ ok: true, text: `Assinatura ${created.id} criada.` });
      onCreated();
    } catch (caught) {
      setMessage({ ok: false, text: (caught as Error).message });
    }
  };
  return (
    <section>
      <h2>Nova assinatura</h2>
      <form class="linha" onSubmit={submit} data-testid="nova-assinatura">
        <label>
          Interveniente
          <select name="intervenienteId" value={form.intervenienteId} onInput={set('intervenienteId')} required>
            <option value="">escolha…</option>
            {intervenientes.filter((i) => i.ativo).map((i) => (
              <option value={i.id}>{`${i.tipo} ${i.uf ?? i.orgao ?? ''} — ${i.nome} (${i.ni})`}</option>
            ))}
          </select>
        </label>
        <label>
          Evento
          <select name="evento" value={form.evento} onInput={set('evento')}>
            {events.map((e) => <option value={e.id} title={e.descricao}>{e.id}</option>)}
          </select>
        </label>
        <label>Endpoint<input name="endpoint" value={form.endpoint} onInput={set('endpoint')} size={40} required /></label>
        <label>chaveSecreta<input name="chaveSecreta" type="password" autocomplete="off" value={form.chaveSecreta} onInput={set('chaveSecreta')} /></label>
        <button type="submit">Assinar</button>
      </form>
      {message && <p class={message.ok ? 'ok' : 'erro'} role="status">{message.text}</p>}
    </section>
  );
}

/** Who subscribes to what, which subscriptions are failing and when the 30-day rule cancels them. */
export function AssinaturasView({ revision, onChanged }: { revision: number; onChanged: () => void }) {
  const [subscriptions, setSubscriptions] = useState<any[]>([]);
  const [intervenientes, setIntervenientes] = useState<any[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    Promise.all([api('GET', '/admin/painel/assinaturas'), api('GET', '/admin/intervenientes')])
      .then(([s, i]) => (setSubscriptions(s), setIntervenientes(i), setError(null)))
      .catch((caught) => setError(caught.message));
  }, [revision]);
  const failing = subscriptions.filter((s) => s.ativa && s.falhandoDesde);
  const remove = async (id: number) => {
    try {
      await api('DELETE', `/admin/assinaturas/${id}`);
      onChanged();
    } catch (caught) {
      setError((caught as Error).message);
    }
  };

  return (
    <>
      {error && <p class="erro" role="alert">{error}</p>}
      <NovaAssinatura intervenientes={intervenientes} onCreated={onChanged} />
      <section>
        <h2>Assinaturas falhando ({failing.length})</h2>
        {failing.length === 0 ? (
          <p>Nenhuma assinatura ativa está só falhando.</p>
        ) : (
          <table>
            <thead><tr><th>Id</th><th>Interveniente</th><th>Evento</th><th>Falhando desde</th><th>Cancelamento automático em</th><th>Falta</th></tr></thead>
            <tbody>
              {failing.map((s) => (
                <tr>
                  <td>{s.id}</td><td>{s.interveniente.nome}</td><td>{s.evento}</td><td>{dateTime(s.falhandoDesde)}</td>
                  <td>{dateTime(s.cancelamentoAutomaticoEm)}</td><td>{duration(s.msAteCancelamento)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section>
        <h2>Assinaturas</h2>
        <table data-testid="assinaturas">
          <thead>
            <tr><th>Id</th><th>Interveniente</th><th>Evento</th><th>Endpoint</th><th>chaveSecreta</th><th>Entregues / falhas / pendentes</th><th>Situação</th><th></th></tr>
          </thead>
          <tbody>
            {subscriptions.map((s) => (
              <tr>
                <td>{s.id}</td>
                <td>{s.interveniente.tipo} {s.interveniente.uf ?? s.interveniente.orgao ?? ''} — {s.interveniente.nome}<br /><code>{s.interveniente.ni}</code></td>
                <td>{s.evento}</td>
                <td class="endpoint">{s.endpoint}</td>
                <td>{s.possuiChaveSecreta ? 'sim' : 'não'}</td>
                <td>{s.notificacoes.entregues} / {s.notificacoes.falhas} / {s.notificacoes.pendentes}</td>
                <td>{s.ativa ? (s.falhandoDesde ? 'ativa, falhando' : 'ativa') : `excluída em ${dateTime(s.dataExclusao)}: ${s.motivoExclusao}`}</td>
                <td>{s.ativa && <button type="button" onClick={() => remove(s.id)}>Excluir</button>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section>
        <h2>Intervenientes ({intervenientes.length})</h2>
        <table>
          <thead><tr><th>Tipo</th><th>UF / órgão</th><th>Nome</th><th>NI</th><th>System-Code</th><th>Ativo</th><th>Assinaturas ativas</th></tr></thead>
          <tbody>
            {intervenientes.map((i) => (
              <tr>
                <td>{i.tipo}</td><td>{i.uf ?? i.orgao ?? '—'}</td><td>{i.nome}</td><td><code>{i.ni}</code></td>
                <td>{i.systemCode ?? '—'}</td><td>{i.ativo ? 'sim' : 'não'}</td>
                <td>{subscriptions.filter((s) => s.ativa && s.interveniente.ni === i.ni).map((s) => s.evento).join(', ') || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
