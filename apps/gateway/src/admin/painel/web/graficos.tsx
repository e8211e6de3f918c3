import { useEffect, useRef, useState } from 'preact/hooks';
import uPlot from 'uplot';
import { api } from './api.js';

const WIDTH = 640;
const HEIGHT = 260;

/** One uPlot chart, rebuilt when its data changes. */
function Chart({ options, data }: { options: Omit<uPlot.Options, 'width' | 'height'>; data: uPlot.AlignedData }) {
  const target = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const chart = new uPlot({ ...options, width: WIDTH, height: HEIGHT }, data, target.current!);
    return () => chart.destroy();
  }, [data]);
  return <div ref={target} />;
}

const bars = uPlot.paths.bars!({ size: [0.8, 40] });

/** Attempts per simulated minute by outcome, and the attempt latency distribution. */
export function GraficosView({ revision }: { revision: number }) {
  const [minutos, setMinutos] = useState(60);
  const [charts, setCharts] = useState<any>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api('GET', `/admin/painel/graficos?minutos=${minutos}`)
      .then((result) => (setCharts(result), setError(null)))
      .catch((caught) => setError(caught.message));
  }, [minutos, revision]);

  const perMinute: uPlot.AlignedData | null = charts && [
    charts.porMinuto.map((p: any) => new Date(p.minuto).getTime() / 1000),
    charts.porMinuto.map((p: any) => p.entregues),
    charts.porMinuto.map((p: any) => p.erroHttp),
    charts.porMinuto.map((p: any) => p.erroRede),
  ];
  const latency: uPlot.AlignedData | null = charts && [
    charts.latencia.map((_: unknown, i: number) => i),
    charts.latencia.map((b: any) => b.tentativas),
  ];
  const latencyLabels: string[] = charts ? charts.latencia.map((b: any, i: number, all: any[]) => (b.ateMs === null ? `> ${all[i - 1].ateMs} ms` : `≤ ${b.ateMs} ms`)) : [];

  return (
    <>
      <section>
        <label>
          Janela (minutos simulados)
          <select value={minutos} onInput={(e) => setMinutos(Number(e.currentTarget.value))}>
            {[15, 60, 360, 1440].map((m) => <option value={m}>{m}</option>)}
          </select>
        </label>
        {error && <p class="erro" role="alert">{error}</p>}
      </section>
      {charts && (
        <div class="grade">
          <section data-testid="grafico-minuto">
            <h2>Tentativas por minuto, por resultado</h2>
            {charts.porMinuto.length ? (
              <Chart
                data={perMinute!}
                options={{
                  tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'America/Sao_Paulo'),
                  series: [
                    { label: 'Minuto' },
                    { label: 'Entregue (200)', stroke: '#2e8540', fill: 'rgba(46,133,64,.35)', paths: bars },
                    { label: 'Erro HTTP', stroke: '#d83933', fill: 'rgba(216,57,51,.35)', paths: bars },
                    { label: 'Timeout / rede / TLS', stroke: '#7a5a00', fill: 'rgba(122,90,0,.35)', paths: bars },
                  ],
                }}
              />
            ) : (
              <p>Nenhuma tentativa na janela.</p>
            )}
          </section>
          <section data-testid="grafico-latencia">
            <h2>Distribuição da latência das tentativas</h2>
            <Chart
              data={latency!}
              options={{
                scales: { x: { time: false } },
                axes: [{ values: (_u, ticks) => ticks.map((t) => latencyLabels[t] ?? '') }, {}],
                series: [{ label: 'Faixa', value: (_u, v) => latencyLabels[v] ?? '' }, { label: 'Tentativas', stroke: '#0b3d62', fill: 'rgba(11,61,98,.35)', paths: bars }],
              }}
            />
          </section>
        </div>
      )}
    </>
  );
}
