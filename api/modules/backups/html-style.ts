// The inline stylesheet of an HTML backup: readable in any browser, tables scroll sideways,
// null shown as a grey "null" so it is never mistaken for an empty text.
export const HTML_STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2933;margin:0;background:#f7f8fa}
header,nav,main>section,footer{background:#fff;margin:16px;padding:16px 20px;border-radius:10px;box-shadow:0 1px 2px rgba(0,0,0,.08)}
h1{margin:0 0 4px;font-size:22px}h2{margin:0 0 12px;font-size:18px}h2 small{font-weight:400;color:#66788a;font-size:13px}
nav ul{columns:3 200px;margin:0;padding-left:18px}nav li{margin:2px 0}a{color:#0b6bcb}
.scroll{overflow-x:auto;max-height:70vh;overflow-y:auto}
main>section{content-visibility:auto;contain-intrinsic-size:auto 480px}
table{border-collapse:collapse;font-size:13px;width:max-content;min-width:100%}
th,td{border:1px solid #e1e5ea;padding:4px 8px;text-align:left;vertical-align:top;white-space:pre-wrap;max-width:420px;overflow-wrap:anywhere}
thead th{position:sticky;top:0;background:#eef2f6}
tbody tr:nth-child(even){background:#fafbfc}tbody tr:target{background:#fff7d6}
td[data-t=null]::before{content:"null";color:#9aa5b1;font-style:italic}
td[data-t=b64],td[data-t=blob]{font-family:ui-monospace,monospace;color:#52606d}
td[data-t=b64]::before{content:"base64 text: ";color:#9aa5b1}td[data-t=blob]::before{content:"base64 bytes: ";color:#9aa5b1}
dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:0}dt{color:#66788a}dd{margin:0;overflow-wrap:anywhere}
`;
