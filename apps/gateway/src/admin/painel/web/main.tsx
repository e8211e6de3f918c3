import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, readStream, session, type StreamEvent } from './api.js';
import { AssinaturasView } from './assinaturas.js';
import { CenariosView } from './cenarios.js';
import { EntregasView } from './entregas.js';
import { dateTime } from './format.js';
import { GraficosView } from './graficos.js';
import { NotificacaoView } from './notificacao.js';

type Tab = 'entregas' | 'assinaturas' | 'cenarios' | 'graficos';
const TABS: Array<[Tab, string]> = [
  ['entregas', 'Entregas'],
  ['assinaturas', 'Assinaturas e intervenientes'],
  ['cenarios', 'Cenários e relógio'],
  ['graficos', 'Gráficos'],
];

function Login({ onLogin }: { onLogin: () => void }) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    try {
      // Any admin call proves the token; the clock is the cheapest.
      await api('GET', '/admin/relogio', undefined, token);
      session.save(token);
      onLogin();
    } catch (caught) {
      setError(caught instanceof ApiError && caught.status === 401 ? 'Token de administração inválido.' : String((caught as Error).message));
    }
  };
  return (
    <main class="login">
      <section>
        <h2>Painel de entregas — acesso</h2>
        <form onSubmit={submit}>
          <label>
            Token de administração (ADMIN_TOKEN)
            <input name="token" type="password" autocomplete="off" required value={token} onInput={(e) => setToken(e.currentTarget.value)} />
          </label>
          <button type="submit">Entrar</button>
          {error && <p class="erro" role="alert">{error}</p>}
        </form>
      </section>
    </main>
  );
}

/** The simulated clock in the header, with a one-click advance so retries can be watched. */
function Relogio({ agora, onAdvanced }: { agora: string | null; onAdvanced: (agora: string) => void }) {
  const [error, setError] = useState<string | null>(null);
  const advance = async () => {
    try {
      const clock = await api('POST', '/admin/relogio/avancar', { minutos: 5 });
      setError(null);
      onAdvanced(clock.agora);
    } catch (caught) {
      setError((caught as Error).message);
    }
  };
  return (
    <div class="relogio">
      <span>
        Relógio simulado: <strong data-testid="relogio">{dateTime(agora)}</strong>
      </span>
      <button type="button" onClick={advance}>Avançar 5 min</button>
      {error && <span class="erro">{error}</span>}
    </div>
  );
}

function Painel({ onLogout }: { onLogout: () => void }) {
  const [tab, setTab] = useState<Tab>('entregas');
  const [selected, setSelected] = useState<string | null>(null);
  const [revision, setRevision] = useState(0);
  const [agora, setAgora] = useState<string | null>(null);
  const [live, setLive] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    const onEvent = (event: StreamEvent) => {
      if (event.data.agora) setAgora(event.data.agora);
      if (event.type === 'entregas') setRevision((r) => r + 1);
    };
    // Reconnects after a dropped stream; a 401 means the token is no longer valid.
    (async () => {
      while (!controller.signal.aborted) {
        try {
          setLive(true);
          await readStream(onEvent, controller.signal);
        } catch (caught) {
          if (caught instanceof ApiError && caught.status === 401) return onLogout();
        }
        setLive(false);
        if (!controller.signal.aborted) await new Promise((resolve) => setTimeout(resolve, 2_000));
      }
    })();
    return () => controller.abort();
  }, []);

  const changed = () => setRevision((r) => r + 1);
  return (
    <>
      <header>
        <h1>pucomex-sim · Painel</h1>
        <nav>
          {TABS.map(([id, label]) => (
            <button type="button" aria-current={tab === id && !selected ? 'page' : undefined} onClick={() => (setTab(id), setSelected(null))}>
              {label}
            </button>
          ))}
        </nav>
        <span class={live ? 'ao-vivo' : 'ao-vivo desligado'} data-testid="ao-vivo">{live ? '● ao vivo' : '○ reconectando'}</span>
        <Relogio agora={agora} onAdvanced={(now) => (setAgora(now), changed())} />
        <button type="button" onClick={onLogout}>Sair</button>
      </header>
      <main>
        {selected ? (
          <NotificacaoView id={selected} revision={revision} onBack={() => setSelected(null)} />
        ) : tab === 'entregas' ? (
          <EntregasView revision={revision} onOpen={setSelected} />
        ) : tab === 'assinaturas' ? (
          <AssinaturasView revision={revision} onChanged={changed} />
        ) : tab === 'cenarios' ? (
          <CenariosView onChanged={changed} onClock={setAgora} />
        ) : (
          <GraficosView revision={revision} />
        )}
      </main>
    </>
  );
}

function App() {
  const [loggedIn, setLoggedIn] = useState(session.token() !== null);
  const logout = () => {
    session.clear();
    setLoggedIn(false);
  };
  return loggedIn ? <Painel onLogout={logout} /> : <Login onLogin={() => setLoggedIn(true)} />;
}

render(<App />, document.getElementById('painel')!);
