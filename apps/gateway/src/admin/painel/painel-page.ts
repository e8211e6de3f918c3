import { createHash } from 'node:crypto';
import { NOTIFICATION_STATUSES } from '#notifications';

/** Bare module names the dashboard's compiled modules import, mapped to the locally served copies. */
const IMPORT_MAP = JSON.stringify({
  imports: {
    preact: '/painel/vendor/preact.mjs',
    'preact/hooks': '/painel/vendor/hooks.mjs',
    'preact/jsx-runtime': '/painel/vendor/jsx-runtime.mjs',
    uplot: '/painel/vendor/uplot.mjs',
  },
});

const IMPORT_MAP_HASH = createHash('sha256').update(IMPORT_MAP).digest('base64');

/** Only our own files; the one inline script is the import map, allowed by its hash. */
export const PAINEL_CSP = [
  "default-src 'none'",
  `script-src 'self' 'sha256-${IMPORT_MAP_HASH}'`,
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

/** The shell the single-page dashboard boots in. */
export const PAINEL_PAGE = `<!doctype html>
<html lang="pt-BR">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="situacoes" content="${NOTIFICATION_STATUSES.join(',')}">
<title>Painel de entregas — pucomex-sim</title>
<link rel="stylesheet" href="/painel/vendor/uplot.css">
<link rel="stylesheet" href="/painel/app/painel.css">
<script type="importmap">${IMPORT_MAP}</script>
<script type="module" src="/painel/app/main.js"></script>
</head>
<body><div id="painel"></div></body>
</html>
`;

export const PAINEL_CSS = `
:root { font: 14px/1.4 system-ui, sans-serif; color: #1d2733; background: #f4f6f8; }
body { margin: 0; }
header { display: flex; gap: 1rem; align-items: center; background: #0b3d62; color: #fff; padding: .5rem 1rem; flex-wrap: wrap; }
header h1 { font-size: 1.05rem; margin: 0 1rem 0 0; }
header nav button { background: none; border: 0; color: #cfe3f5; padding: .4rem .6rem; cursor: pointer; font: inherit; }
header nav button[aria-current="page"] { color: #fff; border-bottom: 2px solid #ffd24d; }
header .relogio { margin-left: auto; display: flex; gap: .5rem; align-items: center; }
header .relogio button { font: inherit; }
main { padding: 1rem; max-width: 1400px; }
section { background: #fff; border: 1px solid #d8dee4; border-radius: 6px; padding: 1rem; margin-bottom: 1rem; }
h2 { font-size: 1rem; margin: 0 0 .75rem; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid #e6eaee; vertical-align: top; }
th { font-weight: 600; background: #f0f3f6; }
tbody tr.clicavel { cursor: pointer; }
tbody tr.clicavel:hover { background: #f5faff; }
td.endpoint, td.mono, code, pre { font-family: ui-monospace, monospace; font-size: 12px; word-break: break-all; }
pre { background: #f6f8fa; padding: .75rem; overflow: auto; max-height: 24rem; margin: 0; }
form.filtros, form.linha { display: flex; gap: .5rem; flex-wrap: wrap; align-items: end; margin-bottom: .75rem; }
label { display: flex; flex-direction: column; font-size: 12px; gap: .15rem; }
input, select, textarea, button { font: inherit; padding: .3rem .4rem; }
textarea { font-family: ui-monospace, monospace; font-size: 12px; }
.situacao { font-weight: 600; padding: .1rem .4rem; border-radius: 3px; font-size: 12px; }
.situacao-ENTREGUE { background: #dff5e1; color: #17612a; }
.situacao-FALHA { background: #fde2e1; color: #8e1b16; }
.situacao-PENDENTE { background: #fff3cd; color: #7a5a00; }
.situacao-CANCELADA { background: #e8e8e8; color: #444; }
.erro { color: #8e1b16; background: #fde2e1; padding: .5rem; border-radius: 4px; }
.ok { color: #17612a; background: #dff5e1; padding: .5rem; border-radius: 4px; }
.paginacao { display: flex; gap: .75rem; align-items: center; margin-top: .5rem; }
.grade { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 1rem; }
.login { max-width: 360px; margin: 4rem auto; }
.login form { display: flex; flex-direction: column; gap: .75rem; }
.ao-vivo { font-size: 12px; color: #9fd39f; }
.ao-vivo.desligado { color: #f3b2ae; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0; }
dt { font-weight: 600; }
dd { margin: 0; }
`;
