import { useEffect, useState } from 'preact/hooks';
import { api } from './api.js';
import { dateTime, Situacao } from './format.js';

/** One notification: payload, headers sent, every attempt and the receipt with its chain link. */
export function NotificacaoView({ id, revision, onBack }: { id: string; revision: number; onBack: () => void }) {
  const [n, setN] = useState<any>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api('GET', `/admin/painel/entregas/${id}`)
      .then((detail) => (setN(detail), setError(null)))
      .catch((caught) => setError(caught.message));
  }, [id, revision]);

  return (
    <>
      <p><button type="button" onClick={onBack}>← Entregas</button></p>
      {error && <p class="erro" role="alert">{error}</p>}
      {n && (
        <>
          <section data-testid="notificacao">
            <h2>Notificação {n.id}</h2>
            <dl>
              <dt>Evento</dt><dd>{n.evento}</dd>
              <dt>Destinatário</dt><dd>{n.destinatario.tipo} {n.destinatario.id}</dd>
              <dt>Endpoint</dt><dd class="mono">{n.endpoint}</dd>
              <dt>Assinatura</dt><dd>{n.assinatura}</dd>
              <dt>Situação</dt><dd><Situacao value={n.situacao} /></dd>
              <dt>Ocorrido em</dt><dd>{dateTime(n.ocorridoEm)}</dd>
              <dt>Concluída em</dt><dd>{dateTime(n.concluidaEm)}</dd>
              {n.reenvioDe && (<><dt>Reenvio de</dt><dd>{n.reenvioDe}</dd></>)}
            </dl>
          </section>
          <div class="grade">
            <section>
              <h2>Payload</h2>
              <pre data-testid="payload">{JSON.stringify(n.payload, null, 2)}</pre>
            </section>
            <section>
              <h2>Cabeçalhos enviados</h2>
              <pre data-testid="cabecalhos">{Object.entries(n.cabecalhos).map(([k, v]) => `${k}: ${v}`).join('\n')}</pre>
            </section>
          </div>
          <section>
            <h2>Tentativas</h2>
            <table data-testid="tentativas">
              <thead>
                <tr><th>Nº</th><th>Início (relógio simulado)</th><th>Duração</th><th>Origem</th><th>Status HTTP</th><th>Causa</th><th>Resposta (início)</th></tr>
              </thead>
              <tbody>
                {n.tentativasRealizadas.map((a: any) => (
                  <tr>
                    <td>{a.numero}</td>
                    <td>{dateTime(a.inicio)}</td>
                    <td>{a.duracaoMs} ms</td>
                    <td class="mono">{a.origem ?? '—'}</td>
                    <td data-col="status">{a.httpStatus ?? '—'}</td>
                    <td title={a.detalhe ?? ''}>{a.causa}</td>
                    <td class="mono">{a.resposta ? a.resposta.slice(0, 300) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {n.tentativasRealizadas.length === 0 && <p>Nenhuma tentativa ainda.</p>}
          </section>
          <section data-testid="recibo">
            <h2>Recibo</h2>
            {n.recibo ? (
              <dl>
                <dt>Sequência</dt><dd>{n.recibo.seq}</dd>
                <dt>Recebido em</dt><dd>{dateTime(n.recibo.recebidoEm)}</dd>
                <dt>SHA-256 do payload</dt><dd class="mono">{n.recibo.payloadSha256}</dd>
                <dt>Hash</dt><dd class="mono">{n.recibo.hash}</dd>
                <dt>Hash anterior</dt><dd class="mono">{n.recibo.hashAnterior}</dd>
                <dt>Elo anterior</dt>
                <dd>{n.reciboAnterior ? `recibo ${n.reciboAnterior.seq} (notificação ${n.reciboAnterior.notificacao})` : 'primeiro recibo da cadeia'}</dd>
              </dl>
            ) : (
              <p>Sem recibo: só um HTTP 200 gera recibo.</p>
            )}
          </section>
        </>
      )}
    </>
  );
}
