
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'netreg' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'netreg'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'netreg' {
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, plain otherwise; json for export)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes or warnings on stderr, only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes or warnings on stderr, only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('networks', 'networks', [CompletionResultType]::ParameterValue, 'List, show, add, edit and remove networks')
            [CompletionResult]::new('partners', 'partners', [CompletionResultType]::ParameterValue, 'List, add, edit and remove partners')
            [CompletionResult]::new('milestones', 'milestones', [CompletionResultType]::ParameterValue, 'List, add and remove milestones')
            [CompletionResult]::new('timeline', 'timeline', [CompletionResultType]::ParameterValue, 'Show milestones on a timeline')
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'Count networks and partners per country, programme or year')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Validate the registry')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print which registry is in use and why')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create a registry: a copy of the built-in one, or an empty one')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Print the registry, or the selected part of it, in one format')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Merge networks from a file (json or toml), or partner rows from csv')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff), or write one for every command')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'netreg;networks' {
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, plain otherwise; json for export)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes or warnings on stderr, only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes or warnings on stderr, only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List networks, one row each')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show everything about one network')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a network')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change a network''s fields')
            [CompletionResult]::new('rename', 'rename', [CompletionResultType]::ParameterValue, 'Change a network''s id')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a network with its partners and milestones')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'netreg;networks;list' {
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, plain otherwise; json for export)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--network', '--network', [CompletionResultType]::ParameterName, 'Only this network (repeatable)')
            [CompletionResult]::new('--country', '--country', [CompletionResultType]::ParameterName, 'Only partners in this country: code, alpha-3 or English name (repeatable)')
            [CompletionResult]::new('--role', '--role', [CompletionResultType]::ParameterName, 'Only partners with this role (repeatable)')
            [CompletionResult]::new('--programme', '--programme', [CompletionResultType]::ParameterName, 'Only networks of this programme, e.g. "URBACT II" (repeatable)')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only networks with this status (repeatable)')
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'Only milestones of this kind (repeatable)')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'From this date (YYYY, YYYY-MM or YYYY-MM-DD)')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Up to this date (YYYY, YYYY-MM or YYYY-MM-DD)')
            [CompletionResult]::new('--search', '--search', [CompletionResultType]::ParameterName, 'Free text over names, titles, themes and summaries, ignoring case and accents (repeatable)')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Choose and order the columns, e.g. `name,country`')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort rows by these fields, in turn (prefix `-` for descending), e.g. `country,-name`')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Print at most N rows')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes or warnings on stderr, only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes or warnings on stderr, only errors')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'In csv and tsv, write fields exactly as they are, even ones a spreadsheet would run as a formula')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'netreg;networks;show' {
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, plain otherwise; json for export)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes or warnings on stderr, only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes or warnings on stderr, only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'netreg;networks;add' {
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, plain otherwise; json for export)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The network''s name')
            [CompletionResult]::new('--programme', '--programme', [CompletionResultType]::ParameterName, 'Its programme, e.g. "URBACT IV"')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Its type, e.g. "Action Planning Network"')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Its status (otherwise derived from its launch and completion)')
            [CompletionResult]::new('--theme', '--theme', [CompletionResultType]::ParameterName, 'A theme (repeatable)')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Its web page')
            [CompletionResult]::new('--summary', '--summary', [CompletionResultType]::ParameterName, 'A summary in a few sentences')
            [CompletionResult]::new('--start', '--start', [CompletionResultType]::ParameterName, 'The launch date (YYYY, YYYY-MM or YYYY-MM-DD)')
            [CompletionResult]::new('--end', '--end', [CompletionResultType]::ParameterName, 'The completion date (YYYY, YYYY-MM or YYYY-MM-DD)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes or warnings on stderr, only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes or warnings on stderr, only errors')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the change as a unified diff and write nothing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'netreg;networks;edit' {
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, plain otherwise; json for export)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The network''s name')
            [CompletionResult]::new('--programme', '--programme', [CompletionResultType]::ParameterName, 'Its programme, e.g. "URBACT IV"')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Its type, e.g. "Action Planning Network"')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Its status (otherwise derived from its launch and completion)')
            [CompletionResult]::new('--theme', '--theme', [CompletionResultType]::ParameterName, 'A theme (repeatable)')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Its web page')
            [CompletionResult]::new('--summary', '--summary', [CompletionResultType]::ParameterName, 'A summary in a few sentences')
            [CompletionResult]::new('--start', '--start', [CompletionResultType]::ParameterName, 'The launch date (YYYY, YYYY-MM or YYYY-MM-DD)')
            [CompletionResult]::new('--end', '--end', [CompletionResultType]::ParameterName, 'The completion date (YYYY, YYYY-MM or YYYY-MM-DD)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes or warnings on stderr, only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes or warnings on stderr, only errors')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the change as a unified diff and write nothing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'netreg;networks;rename' {
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, plain otherwise; json for export)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes or warnings on stderr, only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes or warnings on stderr, only errors')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the change as a unified diff and write nothing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'netreg;networks;remove' {
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, plain otherwise; json for export)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes or warnings on stderr, only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes or warnings on stderr, only errors')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Remove without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Remove without asking')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the change as a unified diff and write nothing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'netreg;networks;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List networks, one row each')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show everything about one network')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a network')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change a network''s fields')
            [CompletionResult]::new('rename', 'rename', [CompletionResultType]::ParameterValue, 'Change a network''s id')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a network with its partners and milestones')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'netreg;networks;help;list' {
            break
        }
        'netreg;networks;help;show' {
            break
        }
        'netreg;networks;help;add' {
            break
        }
        'netreg;networks;help;edit' {
            break
        }
        'netreg;networks;help;rename' {
            break
        }
        'netreg;networks;help;remove' {
            break
        }
        'netreg;networks;help;help' {
            break
        }
        'netreg;partners' {
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, plain otherwise; json for export)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes or warnings on stderr, only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes or warnings on stderr, only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List partners, one row per network and partner')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a partner to a network')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change a partner of a network')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a partner from a network')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'netreg;partners;list' {
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, plain otherwise; json for export)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--network', '--network', [CompletionResultType]::ParameterName, 'Only this network (repeatable)')
            [CompletionResult]::new('--country', '--country', [CompletionResultType]::ParameterName, 'Only partners in this country: code, alpha-3 or English name (repeatable)')
            [CompletionResult]::new('--role', '--role', [CompletionResultType]::ParameterName, 'Only partners with this role (repeatable)')
            [CompletionResult]::new('--programme', '--programme', [CompletionResultType]::ParameterName, 'Only networks of this programme, e.g. "URBACT II" (repeatable)')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only networks with this status (repeatable)')
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'Only milestones of this kind (repeatable)')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'From this date (YYYY, YYYY-MM or YYYY-MM-DD)')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Up to this date (YYYY, YYYY-MM or YYYY-MM-DD)')
            [CompletionResult]::new('--search', '--search', [CompletionResultType]::ParameterName, 'Free text over names, titles, themes and summaries, ignoring case and accents (repeatable)')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Choose and order the columns, e.g. `name,country`')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort rows by these fields, in turn (prefix `-` for descending), e.g. `country,-name`')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Print at most N rows')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes or warnings on stderr, only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes or warnings on stderr, only errors')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'In csv and tsv, write fields exactly as they are, even ones a spreadsheet would run as a formula')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'netreg;partners;add' {
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, plain otherwise; json for export)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--country', '--country', [CompletionResultType]::ParameterName, 'Its country: ISO code or English name')
            [CompletionResult]::new('--role', '--role', [CompletionResultType]::ParameterName, 'Its role in the network')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'What it is: city, agency, university, region...')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes or warnings on stderr, only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes or warnings on stderr, only errors')
            [CompletionResult]::new('--replace-lead', '--replace-lead', [CompletionResultType]::ParameterName, 'Make this partner the lead and the current lead a partner')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the change as a unified diff and write nothing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'netreg;partners;edit' {
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, plain otherwise; json for export)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'A new name')
            [CompletionResult]::new('--country', '--country', [CompletionResultType]::ParameterName, 'Its country: ISO code or English name')
            [CompletionResult]::new('--role', '--role', [CompletionResultType]::ParameterName, 'Its role in the network')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'What it is: city, agency, university, region...')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes or warnings on stderr, only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes or warnings on stderr, only errors')
            [CompletionResult]::new('--replace-lead', '--replace-lead', [CompletionResultType]::ParameterName, 'Make this partner the lead and the current lead a partner')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the change as a unified diff and write nothing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'netreg;partners;remove' {
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, plain otherwise; json for export)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes or warnings on stderr, only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes or warnings on stderr, only errors')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the change as a unified diff and write nothing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'netreg;partners;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List partners, one row per network and partner')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a partner to a network')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change a partner of a network')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a partner from a network')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'netreg;partners;help;list' {
            break
        }
        'netreg;partners;help;add' {
            break
        }
        'netreg;partners;help;edit' {
            break
        }
        'netreg;partners;help;remove' {
            break
        }
        'netreg;partners;help;help' {
            break
        }
        'netreg;milestones' {
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, plain otherwise; json for export)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes or warnings on stderr, only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes or warnings on stderr, only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List milestones in date order')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a milestone to a network')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change a milestone''s date, title or kind')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a milestone from a network')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'netreg;milestones;list' {
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, plain otherwise; json for export)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--network', '--network', [CompletionResultType]::ParameterName, 'Only this network (repeatable)')
            [CompletionResult]::new('--country', '--country', [CompletionResultType]::ParameterName, 'Only partners in this country: code, alpha-3 or English name (repeatable)')
            [CompletionResult]::new('--role', '--role', [CompletionResultType]::ParameterName, 'Only partners with this role (repeatable)')
            [CompletionResult]::new('--programme', '--programme', [CompletionResultType]::ParameterName, 'Only networks of this programme, e.g. "URBACT II" (repeatable)')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only networks with this status (repeatable)')
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'Only milestones of this kind (repeatable)')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'From this date (YYYY, YYYY-MM or YYYY-MM-DD)')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Up to this date (YYYY, YYYY-MM or YYYY-MM-DD)')
            [CompletionResult]::new('--search', '--search', [CompletionResultType]::ParameterName, 'Free text over names, titles, themes and summaries, ignoring case and accents (repeatable)')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Choose and order the columns, e.g. `name,country`')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort rows by these fields, in turn (prefix `-` for descending), e.g. `country,-name`')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Print at most N rows')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes or warnings on stderr, only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes or warnings on stderr, only errors')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'In csv and tsv, write fields exactly as they are, even ones a spreadsheet would run as a formula')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'netreg;milestones;add' {
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, plain otherwise; json for export)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'Its kind')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes or warnings on stderr, only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes or warnings on stderr, only errors')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the change as a unified diff and write nothing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'netreg;milestones;edit' {
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, plain otherwise; json for export)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--date', '--date', [CompletionResultType]::ParameterName, 'Its new date')
            [CompletionResult]::new('--title', '--title', [CompletionResultType]::ParameterName, 'Its new title')
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'Its new kind')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes or warnings on stderr, only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes or warnings on stderr, only errors')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the change as a unified diff and write nothing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'netreg;milestones;remove' {
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, plain otherwise; json for export)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes or warnings on stderr, only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes or warnings on stderr, only errors')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the change as a unified diff and write nothing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'netreg;milestones;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List milestones in date order')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a milestone to a network')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change a milestone''s date, title or kind')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a milestone from a network')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'netreg;milestones;help;list' {
            break
        }
        'netreg;milestones;help;add' {
            break
        }
        'netreg;milestones;help;edit' {
            break
        }
        'netreg;milestones;help;remove' {
            break
        }
        'netreg;milestones;help;help' {
            break
        }
        'netreg;timeline' {
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, plain otherwise; json for export)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes or warnings on stderr, only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes or warnings on stderr, only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show milestones by year, with each network''s span drawn on a year axis')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'netreg;timeline;show' {
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, plain otherwise; json for export)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--network', '--network', [CompletionResultType]::ParameterName, 'Only this network (repeatable)')
            [CompletionResult]::new('--country', '--country', [CompletionResultType]::ParameterName, 'Only partners in this country: code, alpha-3 or English name (repeatable)')
            [CompletionResult]::new('--role', '--role', [CompletionResultType]::ParameterName, 'Only partners with this role (repeatable)')
            [CompletionResult]::new('--programme', '--programme', [CompletionResultType]::ParameterName, 'Only networks of this programme, e.g. "URBACT II" (repeatable)')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only networks with this status (repeatable)')
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'Only milestones of this kind (repeatable)')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'From this date (YYYY, YYYY-MM or YYYY-MM-DD)')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Up to this date (YYYY, YYYY-MM or YYYY-MM-DD)')
            [CompletionResult]::new('--search', '--search', [CompletionResultType]::ParameterName, 'Free text over names, titles, themes and summaries, ignoring case and accents (repeatable)')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Choose and order the columns, e.g. `name,country`')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort rows by these fields, in turn (prefix `-` for descending), e.g. `country,-name`')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Print at most N rows')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes or warnings on stderr, only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes or warnings on stderr, only errors')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'In csv and tsv, write fields exactly as they are, even ones a spreadsheet would run as a formula')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'netreg;timeline;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show milestones by year, with each network''s span drawn on a year axis')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'netreg;timeline;help;show' {
            break
        }
        'netreg;timeline;help;help' {
            break
        }
        'netreg;stats' {
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, plain otherwise; json for export)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'What to group by')
            [CompletionResult]::new('--network', '--network', [CompletionResultType]::ParameterName, 'Only this network (repeatable)')
            [CompletionResult]::new('--country', '--country', [CompletionResultType]::ParameterName, 'Only partners in this country: code, alpha-3 or English name (repeatable)')
            [CompletionResult]::new('--role', '--role', [CompletionResultType]::ParameterName, 'Only partners with this role (repeatable)')
            [CompletionResult]::new('--programme', '--programme', [CompletionResultType]::ParameterName, 'Only networks of this programme, e.g. "URBACT II" (repeatable)')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only networks with this status (repeatable)')
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'Only milestones of this kind (repeatable)')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'From this date (YYYY, YYYY-MM or YYYY-MM-DD)')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Up to this date (YYYY, YYYY-MM or YYYY-MM-DD)')
            [CompletionResult]::new('--search', '--search', [CompletionResultType]::ParameterName, 'Free text over names, titles, themes and summaries, ignoring case and accents (repeatable)')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Choose and order the columns, e.g. `name,country`')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort rows by these fields, in turn (prefix `-` for descending), e.g. `country,-name`')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Print at most N rows')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes or warnings on stderr, only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes or warnings on stderr, only errors')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'In csv and tsv, write fields exactly as they are, even ones a spreadsheet would run as a formula')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'netreg;check' {
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, plain otherwise; json for export)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes or warnings on stderr, only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes or warnings on stderr, only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'netreg;path' {
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, plain otherwise; json for export)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes or warnings on stderr, only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes or warnings on stderr, only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'netreg;init' {
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, plain otherwise; json for export)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes or warnings on stderr, only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes or warnings on stderr, only errors')
            [CompletionResult]::new('--empty', '--empty', [CompletionResultType]::ParameterName, 'Start with no networks instead of the built-in ones')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace a registry that already exists')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'netreg;export' {
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, plain otherwise; json for export)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--entity', '--entity', [CompletionResultType]::ParameterName, 'What one row is, for csv, tsv, markdown and ndjson')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write to this file (atomically) instead of stdout; `-` is stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write to this file (atomically) instead of stdout; `-` is stdout')
            [CompletionResult]::new('--delimiter', '--delimiter', [CompletionResultType]::ParameterName, 'In csv, separate fields with this character instead of `,` (`;` for spreadsheets in locales that write decimal commas)')
            [CompletionResult]::new('--network', '--network', [CompletionResultType]::ParameterName, 'Only this network (repeatable)')
            [CompletionResult]::new('--country', '--country', [CompletionResultType]::ParameterName, 'Only partners in this country: code, alpha-3 or English name (repeatable)')
            [CompletionResult]::new('--role', '--role', [CompletionResultType]::ParameterName, 'Only partners with this role (repeatable)')
            [CompletionResult]::new('--programme', '--programme', [CompletionResultType]::ParameterName, 'Only networks of this programme, e.g. "URBACT II" (repeatable)')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only networks with this status (repeatable)')
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'Only milestones of this kind (repeatable)')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'From this date (YYYY, YYYY-MM or YYYY-MM-DD)')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Up to this date (YYYY, YYYY-MM or YYYY-MM-DD)')
            [CompletionResult]::new('--search', '--search', [CompletionResultType]::ParameterName, 'Free text over names, titles, themes and summaries, ignoring case and accents (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes or warnings on stderr, only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes or warnings on stderr, only errors')
            [CompletionResult]::new('--bom', '--bom', [CompletionResultType]::ParameterName, 'Start csv or tsv with a byte-order mark, for spreadsheets that want one to read UTF-8')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'In csv and tsv, write fields exactly as they are, even ones a spreadsheet would run as a formula')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'netreg;import' {
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, plain otherwise; json for export)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--on-conflict', '--on-conflict', [CompletionResultType]::ParameterName, 'What to do with a network (or csv partner) that is already there')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes or warnings on stderr, only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes or warnings on stderr, only errors')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the change as a unified diff and write nothing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'netreg;completions' {
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, plain otherwise; json for export)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes or warnings on stderr, only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes or warnings on stderr, only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'netreg;man' {
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (default: table on a terminal, plain otherwise; json for export)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Write the pages into this directory instead of printing netreg.1')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no notes or warnings on stderr, only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no notes or warnings on stderr, only errors')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'netreg;help' {
            [CompletionResult]::new('networks', 'networks', [CompletionResultType]::ParameterValue, 'List, show, add, edit and remove networks')
            [CompletionResult]::new('partners', 'partners', [CompletionResultType]::ParameterValue, 'List, add, edit and remove partners')
            [CompletionResult]::new('milestones', 'milestones', [CompletionResultType]::ParameterValue, 'List, add and remove milestones')
            [CompletionResult]::new('timeline', 'timeline', [CompletionResultType]::ParameterValue, 'Show milestones on a timeline')
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'Count networks and partners per country, programme or year')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Validate the registry')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print which registry is in use and why')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create a registry: a copy of the built-in one, or an empty one')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Print the registry, or the selected part of it, in one format')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Merge networks from a file (json or toml), or partner rows from csv')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff), or write one for every command')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'netreg;help;networks' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List networks, one row each')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show everything about one network')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a network')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change a network''s fields')
            [CompletionResult]::new('rename', 'rename', [CompletionResultType]::ParameterValue, 'Change a network''s id')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a network with its partners and milestones')
            break
        }
        'netreg;help;networks;list' {
            break
        }
        'netreg;help;networks;show' {
            break
        }
        'netreg;help;networks;add' {
            break
        }
        'netreg;help;networks;edit' {
            break
        }
        'netreg;help;networks;rename' {
            break
        }
        'netreg;help;networks;remove' {
            break
        }
        'netreg;help;partners' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List partners, one row per network and partner')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a partner to a network')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change a partner of a network')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a partner from a network')
            break
        }
        'netreg;help;partners;list' {
            break
        }
        'netreg;help;partners;add' {
            break
        }
        'netreg;help;partners;edit' {
            break
        }
        'netreg;help;partners;remove' {
            break
        }
        'netreg;help;milestones' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List milestones in date order')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a milestone to a network')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change a milestone''s date, title or kind')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a milestone from a network')
            break
        }
        'netreg;help;milestones;list' {
            break
        }
        'netreg;help;milestones;add' {
            break
        }
        'netreg;help;milestones;edit' {
            break
        }
        'netreg;help;milestones;remove' {
            break
        }
        'netreg;help;timeline' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show milestones by year, with each network''s span drawn on a year axis')
            break
        }
        'netreg;help;timeline;show' {
            break
        }
        'netreg;help;stats' {
            break
        }
        'netreg;help;check' {
            break
        }
        'netreg;help;path' {
            break
        }
        'netreg;help;init' {
            break
        }
        'netreg;help;export' {
            break
        }
        'netreg;help;import' {
            break
        }
        'netreg;help;completions' {
            break
        }
        'netreg;help;man' {
            break
        }
        'netreg;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
