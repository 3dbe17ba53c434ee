/// The one stylesheet every page links (served as a file, so the
/// Content-Security-Policy can forbid inline styles and all script).
enum Stylesheet {
    static let css = """
        :root { color-scheme: light; }
        body { font: 15px/1.5 Georgia, 'Times New Roman', serif; margin: 0 auto; max-width: 1200px; color: #222; padding: 0 1em 3em; }
        nav { font: 600 .9em system-ui, sans-serif; padding: .8em 0; border-bottom: 1px solid #ddd; margin-bottom: 1em; }
        nav a { margin-right: 1.2em; color: #1d5e91; text-decoration: none; }
        h1 { font: 600 1.3em system-ui, sans-serif; margin: .6em 0 .3em; } h2 { font: 600 1.05em system-ui, sans-serif; margin: 1.6em 0 .4em; }
        a { color: #1d5e91; } .meta, .when, .count { font: .85em system-ui, sans-serif; color: #666; }
        form.filter input[type=search] { font: 1em system-ui, sans-serif; padding: .3em .5em; width: 20em; }
        table { border-collapse: collapse; width: 100%; } td, th { vertical-align: top; padding: .3em .6em; border-top: 1px solid #eee; text-align: left; }
        th { font: 600 .85em system-ui, sans-serif; color: #444; }
        .summary { font: .9em system-ui, sans-serif; color: #333; }
        .kind { font: 600 .75em system-ui, sans-serif; text-transform: uppercase; letter-spacing: .03em; color: #666; }
        .kind.meaning { color: #a15c00; } .kind.fact { color: #1d5e91; }
        ul.highlights { margin: .2em 0 0; padding-left: 1.2em; font-size: .9em; }
        table.diff td.mark { width: 1.5em; text-align: center; font: 600 .9em system-ui, sans-serif; color: #888; }
        table.diff td.text { width: 42%; }
        tr.delete td.old { background: #fde8e8; } tr.insert td.new { background: #e6f6e6; }
        tr.modify td.old { background: #fdf3f3; } tr.modify td.new { background: #f1faf1; } tr.move td { background: #eef4fb; }
        del { background: #f8c4c4; text-decoration: line-through; } ins { background: #b9e8b9; text-decoration: none; }
        tr.conflict td { background: #fdf1e3; } tr.copied td { background: #eef4fb; } td.tie { font: .8em system-ui, sans-serif; color: #555; width: 16%; }
        tr.conflicting td, tr.changed td { background: #fdf1e3; } td.none { color: #bbb; }
        .blame p { margin: 0 0 1em; } .blame span { padding: 0 .1em; }
        .blame .newest { background: #e6f6e6; } .blame .oldest { color: #555; } .blame sup { font: .7em system-ui, sans-serif; color: #888; }
        .pager a { margin-right: 1em; } .current { font-weight: 700; }
        """
}
