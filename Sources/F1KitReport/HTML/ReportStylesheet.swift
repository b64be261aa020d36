/// The report's inline stylesheet: system fonts, a light and a dark colour
/// scheme (`prefers-color-scheme`), narrow screens, and print.
enum ReportStylesheet {
  // A caption is as wide as its table, so the caption of a table wider
  // than the screen would run off the screen inside the table's scrolling
  // box. The box is therefore a size container, and a caption is at most as
  // wide as the box (`100cqw`) and sticks to the box's left edge while the
  // table scrolls under it; a table narrower than its box keeps a caption as
  // wide as the table, as before. For the same reason a table's first
  // column (its row headers) sticks to the box's left edge, at most half
  // the box wide, so a phone reader scrolling a wide table still sees which
  // row each value belongs to.
  //
  // Table cells have whole-pixel line heights (22 px, 18 px for the
  // interval under a value): with the body's 1.55, rows were fractional
  // pixels tall, and Chromium drew a sticky row header's bottom rule at some
  // fractional offsets not at all, so on a 390 px phone the rules under
  // "accuracy" and "weighted-F1" ran under the values only. With whole
  // pixels every rule was drawn at every width from 360 to 430 px.
  //
  // A long word (a file name) breaks after its "-", "_", "." and "/",
  // where HTMLText.content puts a <wbr>; text outside tables breaks it
  // elsewhere only when it has none of those and is wider than its column
  // (a summary card's label, anywhere), while a table grows and scrolls.
  static let css = """
    :root{color-scheme:light dark;--bg:#ffffff;--fg:#1b1f24;--muted:#57606a;--line:#d0d7de;\
    --band:#f6f8fa;--card:#f6f8fa;--accent:#0072B2;--gold:#5f6b7a;--zero:#eef0f3;--zero-text:#8c959f;\
    --warning:#D55E00;--recommendation:#0072B2;--note:#57606a;--interval:rgba(0,114,178,.16)}
    @media (prefers-color-scheme:dark){:root{--bg:#0f1216;--fg:#e6edf3;--muted:#9aa4af;--line:#30363d;\
    --band:#161b22;--card:#161b22;--accent:#56B4E9;--gold:#9aa4af;--zero:#1d232b;--zero-text:#6e7681;\
    --warning:#ff8c42;--recommendation:#56B4E9;--note:#9aa4af;--interval:rgba(86,180,233,.2)}}
    *{box-sizing:border-box}
    html{-webkit-text-size-adjust:100%}
    body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
    main,header.page,footer.page{max-width:1240px;margin:0 auto;padding:0 24px}
    header.page{padding-top:28px}
    h1{font-size:1.9rem;line-height:1.2;margin:0 0 6px}
    h2{font-size:1.35rem;margin:40px 0 12px;padding-top:8px;border-top:1px solid var(--line)}
    h3{font-size:1.08rem;margin:26px 0 8px}
    p{margin:8px 0}
    h1,h2,h3,h4,p,li,dd,figcaption,summary{overflow-wrap:break-word}
    .lede{color:var(--muted);margin:0 0 14px}
    nav.toc ol{display:flex;flex-wrap:wrap;gap:4px 18px;list-style:none;margin:0;padding:0}
    nav.toc a{color:var(--accent);text-decoration:none}
    .verdict a{color:var(--accent)}
    nav.toc a:hover{text-decoration:underline}
    code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;font-size:.86em}
    .num{font-variant-numeric:tabular-nums}
    .verdict{border-left:4px solid var(--accent);background:var(--card);padding:12px 16px;margin:14px 0;font-size:1.06rem}
    .verdict p{margin:4px 0}
    .facts{display:grid;grid-template-columns:repeat(auto-fit,minmax(128px,1fr));gap:10px;margin:14px 0}
    .fact{background:var(--card);border-radius:8px;padding:10px 12px}
    .fact .value{display:block;font-size:1.3rem;font-weight:600;line-height:1.3;overflow-wrap:anywhere}
    .fact .label{color:var(--muted);font-size:.85rem;overflow-wrap:anywhere}
    .table-scroll{overflow-x:auto;margin:10px 0;max-width:100%;container-type:inline-size}
    table{border-collapse:collapse;font-size:.9rem;min-width:0}
    caption{text-align:left;color:var(--muted);font-size:.85rem;padding:0 0 6px;caption-side:top;max-width:100cqw;position:sticky;left:0;overflow-wrap:break-word}
    th,td{padding:5px 10px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top;line-height:22px}
    thead th{border-bottom:2px solid var(--line);font-weight:600;vertical-align:bottom}
    td.num,th.num{text-align:right;white-space:nowrap}
    td.interval{color:var(--muted)}
    thead th.num{white-space:normal;overflow-wrap:break-word}
    td .detail{display:block;color:var(--muted);font-size:.82em;line-height:18px}
    .degenerate{color:var(--warning)}
    table.examples td{max-width:34em;overflow-wrap:anywhere}
    td.wrong .detail{color:var(--warning)}
    td .detail.degenerate,td.interval.degenerate{color:var(--warning)}
    tr.summary-row td,tr.summary-row th{border-top:2px solid var(--line)}
    tr.baseline td,tr.baseline th{color:var(--muted)}
    th[scope=row]{font-weight:500;overflow-wrap:break-word;min-width:7em;max-width:22em}
    .table-scroll th[scope=row]:first-child,.table-scroll table:has(th[scope=row]:first-child) thead th:first-child{position:sticky;left:0;z-index:1;background:var(--bg);max-width:min(22em,50cqw)}
    .best{font-weight:700}
    .best .detail{font-weight:400}
    .best:not(:has(>.v))::after,.best>.v::after{content:" ★";font-weight:400;color:var(--muted)}
    .muted{color:var(--muted)}
    figure{margin:14px 0 22px}
    figcaption{color:var(--muted);font-size:.88rem;margin-top:4px}
    .chart-scroll{overflow-x:auto}
    svg.chart{display:block;width:100%;height:auto}
    .pair{display:flex;flex-wrap:wrap;gap:10px 28px;align-items:flex-start}
    .pair>figure{flex:1 1 370px;min-width:0;margin-top:6px}
    details{margin:6px 0}
    summary{cursor:pointer;color:var(--accent);font-size:.9rem}
    svg text{fill:var(--fg);font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
    svg .tick,svg .note-text,svg .axis-title{fill:var(--muted)}
    \(ChartTextStyle.css)
    \(ChartLayout.css)
    svg .group-heading{font-weight:600}
    svg .halo{paint-order:stroke;stroke:var(--bg);stroke-width:3px;stroke-linejoin:round}
    svg .degenerate-mark{fill:var(--bg);stroke:var(--warning);stroke-width:1.8}
    svg .cell-text{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
    svg .zero-text{fill:var(--zero-text)}
    svg .grid{stroke:var(--line);stroke-width:1}
    svg .axis{stroke:var(--muted);stroke-width:1}
    svg .band{fill:var(--band)}
    svg .whisker{fill:none;stroke:var(--fg);stroke-width:1.2}
    svg .gold-bar{fill:var(--gold)}
    svg .zero-cell{fill:var(--zero)}
    svg .diagonal{fill:none;stroke:#000;stroke-width:1}
    svg .diagonal-inner{fill:none;stroke:#fff;stroke-width:1}
    svg .zero-line{stroke:var(--fg);stroke-width:1.2}
    svg .dashed{stroke-dasharray:4 3}
    svg .observed-line{stroke:var(--fg);stroke-width:2}
    svg .interval-band{fill:var(--interval)}
    svg .epoch-line{stroke:var(--muted);stroke-width:1;stroke-dasharray:2 3}
    svg .series{stroke-width:2.2;fill:none}
    svg .marker{stroke:var(--bg);stroke-width:1}
    .advice{list-style:none;margin:0;padding:0}
    .advice>li{background:var(--card);border-left:4px solid var(--note);border-radius:6px;padding:10px 14px;margin:10px 0}
    .advice>li.warning{border-left-color:var(--warning)}
    .advice>li.recommendation{border-left-color:var(--recommendation)}
    .advice h3{margin:0 0 4px;font-size:1rem}
    .badge{display:inline-block;font-size:.72rem;font-weight:700;letter-spacing:.04em;text-transform:uppercase;padding:1px 7px;border-radius:10px;border:1px solid currentColor;margin-right:8px;vertical-align:1px}
    .badge.warning{color:var(--warning)}
    .badge.recommendation{color:var(--recommendation)}
    .badge.note{color:var(--note)}
    .rule-id{color:var(--muted);font-size:.8rem}
    .evidence{font-size:.85rem;color:var(--muted);margin:6px 0 0}
    .evidence code{color:var(--fg)}
    dl.metadata{display:grid;grid-template-columns:max-content 1fr;gap:4px 18px;margin:10px 0}
    dl.metadata dt{color:var(--muted)}
    dl.metadata dd{margin:0;overflow-wrap:anywhere}
    footer.page{color:var(--muted);font-size:.85rem;padding-top:26px;padding-bottom:40px}
    @media (max-width:600px){body{font-size:14px}main,header.page,footer.page{padding:0 14px}header.page{padding-top:18px}
    h1{font-size:1.45rem}h2{font-size:1.2rem;margin-top:30px}th,td{padding:4px 6px}.facts{grid-template-columns:repeat(2,1fr)}
    dl.metadata{grid-template-columns:1fr}dl.metadata dd{margin-bottom:6px}}
    @media print{:root{--bg:#fff;--fg:#000;--muted:#444;--line:#bbb;--band:#f3f3f3;--card:#f6f6f6}
    body{font-size:11pt}nav.toc,summary{display:none}h2{break-after:avoid}figure,tr,.advice>li{break-inside:avoid}
    a{color:inherit;text-decoration:none}main,header.page,footer.page{max-width:none;padding:0}}
    """
}
