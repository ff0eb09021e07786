
use builtin;
use str;

set edit:completion:arg-completer[netreg] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'netreg'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'netreg'= {
            cand --registry 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)'
            cand --format 'Output format (default: table on a terminal, plain otherwise; json for export)'
            cand --color 'When to use colour'
            cand -q 'Print no notes or warnings on stderr, only errors'
            cand --quiet 'Print no notes or warnings on stderr, only errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand networks 'List, show, add, edit and remove networks'
            cand partners 'List, add, edit and remove partners'
            cand milestones 'List, add and remove milestones'
            cand timeline 'Show milestones on a timeline'
            cand stats 'Count networks and partners per country, programme or year'
            cand check 'Validate the registry'
            cand path 'Print which registry is in use and why'
            cand init 'Create a registry: a copy of the built-in one, or an empty one'
            cand export 'Print the registry, or the selected part of it, in one format'
            cand import 'Merge networks from a file (json or toml), or partner rows from csv'
            cand completions 'Print a shell completion script'
            cand man 'Print the man page (roff), or write one for every command'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'netreg;networks'= {
            cand --registry 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)'
            cand --format 'Output format (default: table on a terminal, plain otherwise; json for export)'
            cand --color 'When to use colour'
            cand -q 'Print no notes or warnings on stderr, only errors'
            cand --quiet 'Print no notes or warnings on stderr, only errors'
            cand -h 'Print help'
            cand --help 'Print help'
            cand list 'List networks, one row each'
            cand show 'Show everything about one network'
            cand add 'Add a network'
            cand edit 'Change a network''s fields'
            cand rename 'Change a network''s id'
            cand remove 'Remove a network with its partners and milestones'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'netreg;networks;list'= {
            cand --registry 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)'
            cand --format 'Output format (default: table on a terminal, plain otherwise; json for export)'
            cand --color 'When to use colour'
            cand --network 'Only this network (repeatable)'
            cand --country 'Only partners in this country: code, alpha-3 or English name (repeatable)'
            cand --role 'Only partners with this role (repeatable)'
            cand --programme 'Only networks of this programme, e.g. "URBACT II" (repeatable)'
            cand --status 'Only networks with this status (repeatable)'
            cand --kind 'Only milestones of this kind (repeatable)'
            cand --from 'From this date (YYYY, YYYY-MM or YYYY-MM-DD)'
            cand --to 'Up to this date (YYYY, YYYY-MM or YYYY-MM-DD)'
            cand --search 'Free text over names, titles, themes and summaries, ignoring case and accents (repeatable)'
            cand --fields 'Choose and order the columns, e.g. `name,country`'
            cand --sort 'Sort rows by these fields, in turn (prefix `-` for descending), e.g. `country,-name`'
            cand --limit 'Print at most N rows'
            cand -q 'Print no notes or warnings on stderr, only errors'
            cand --quiet 'Print no notes or warnings on stderr, only errors'
            cand --raw 'In csv and tsv, write fields exactly as they are, even ones a spreadsheet would run as a formula'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'netreg;networks;show'= {
            cand --registry 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)'
            cand --format 'Output format (default: table on a terminal, plain otherwise; json for export)'
            cand --color 'When to use colour'
            cand -q 'Print no notes or warnings on stderr, only errors'
            cand --quiet 'Print no notes or warnings on stderr, only errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'netreg;networks;add'= {
            cand --registry 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)'
            cand --format 'Output format (default: table on a terminal, plain otherwise; json for export)'
            cand --color 'When to use colour'
            cand --name 'The network''s name'
            cand --programme 'Its programme, e.g. "URBACT IV"'
            cand --type 'Its type, e.g. "Action Planning Network"'
            cand --status 'Its status (otherwise derived from its launch and completion)'
            cand --theme 'A theme (repeatable)'
            cand --url 'Its web page'
            cand --summary 'A summary in a few sentences'
            cand --start 'The launch date (YYYY, YYYY-MM or YYYY-MM-DD)'
            cand --end 'The completion date (YYYY, YYYY-MM or YYYY-MM-DD)'
            cand -q 'Print no notes or warnings on stderr, only errors'
            cand --quiet 'Print no notes or warnings on stderr, only errors'
            cand --dry-run 'Print the change as a unified diff and write nothing'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'netreg;networks;edit'= {
            cand --registry 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)'
            cand --format 'Output format (default: table on a terminal, plain otherwise; json for export)'
            cand --color 'When to use colour'
            cand --name 'The network''s name'
            cand --programme 'Its programme, e.g. "URBACT IV"'
            cand --type 'Its type, e.g. "Action Planning Network"'
            cand --status 'Its status (otherwise derived from its launch and completion)'
            cand --theme 'A theme (repeatable)'
            cand --url 'Its web page'
            cand --summary 'A summary in a few sentences'
            cand --start 'The launch date (YYYY, YYYY-MM or YYYY-MM-DD)'
            cand --end 'The completion date (YYYY, YYYY-MM or YYYY-MM-DD)'
            cand -q 'Print no notes or warnings on stderr, only errors'
            cand --quiet 'Print no notes or warnings on stderr, only errors'
            cand --dry-run 'Print the change as a unified diff and write nothing'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'netreg;networks;rename'= {
            cand --registry 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)'
            cand --format 'Output format (default: table on a terminal, plain otherwise; json for export)'
            cand --color 'When to use colour'
            cand -q 'Print no notes or warnings on stderr, only errors'
            cand --quiet 'Print no notes or warnings on stderr, only errors'
            cand --dry-run 'Print the change as a unified diff and write nothing'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'netreg;networks;remove'= {
            cand --registry 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)'
            cand --format 'Output format (default: table on a terminal, plain otherwise; json for export)'
            cand --color 'When to use colour'
            cand -q 'Print no notes or warnings on stderr, only errors'
            cand --quiet 'Print no notes or warnings on stderr, only errors'
            cand -y 'Remove without asking'
            cand --yes 'Remove without asking'
            cand --dry-run 'Print the change as a unified diff and write nothing'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'netreg;networks;help'= {
            cand list 'List networks, one row each'
            cand show 'Show everything about one network'
            cand add 'Add a network'
            cand edit 'Change a network''s fields'
            cand rename 'Change a network''s id'
            cand remove 'Remove a network with its partners and milestones'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'netreg;networks;help;list'= {
        }
        &'netreg;networks;help;show'= {
        }
        &'netreg;networks;help;add'= {
        }
        &'netreg;networks;help;edit'= {
        }
        &'netreg;networks;help;rename'= {
        }
        &'netreg;networks;help;remove'= {
        }
        &'netreg;networks;help;help'= {
        }
        &'netreg;partners'= {
            cand --registry 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)'
            cand --format 'Output format (default: table on a terminal, plain otherwise; json for export)'
            cand --color 'When to use colour'
            cand -q 'Print no notes or warnings on stderr, only errors'
            cand --quiet 'Print no notes or warnings on stderr, only errors'
            cand -h 'Print help'
            cand --help 'Print help'
            cand list 'List partners, one row per network and partner'
            cand add 'Add a partner to a network'
            cand edit 'Change a partner of a network'
            cand remove 'Remove a partner from a network'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'netreg;partners;list'= {
            cand --registry 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)'
            cand --format 'Output format (default: table on a terminal, plain otherwise; json for export)'
            cand --color 'When to use colour'
            cand --network 'Only this network (repeatable)'
            cand --country 'Only partners in this country: code, alpha-3 or English name (repeatable)'
            cand --role 'Only partners with this role (repeatable)'
            cand --programme 'Only networks of this programme, e.g. "URBACT II" (repeatable)'
            cand --status 'Only networks with this status (repeatable)'
            cand --kind 'Only milestones of this kind (repeatable)'
            cand --from 'From this date (YYYY, YYYY-MM or YYYY-MM-DD)'
            cand --to 'Up to this date (YYYY, YYYY-MM or YYYY-MM-DD)'
            cand --search 'Free text over names, titles, themes and summaries, ignoring case and accents (repeatable)'
            cand --fields 'Choose and order the columns, e.g. `name,country`'
            cand --sort 'Sort rows by these fields, in turn (prefix `-` for descending), e.g. `country,-name`'
            cand --limit 'Print at most N rows'
            cand -q 'Print no notes or warnings on stderr, only errors'
            cand --quiet 'Print no notes or warnings on stderr, only errors'
            cand --raw 'In csv and tsv, write fields exactly as they are, even ones a spreadsheet would run as a formula'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'netreg;partners;add'= {
            cand --registry 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)'
            cand --format 'Output format (default: table on a terminal, plain otherwise; json for export)'
            cand --color 'When to use colour'
            cand --country 'Its country: ISO code or English name'
            cand --role 'Its role in the network'
            cand --type 'What it is: city, agency, university, region...'
            cand -q 'Print no notes or warnings on stderr, only errors'
            cand --quiet 'Print no notes or warnings on stderr, only errors'
            cand --replace-lead 'Make this partner the lead and the current lead a partner'
            cand --dry-run 'Print the change as a unified diff and write nothing'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'netreg;partners;edit'= {
            cand --registry 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)'
            cand --format 'Output format (default: table on a terminal, plain otherwise; json for export)'
            cand --color 'When to use colour'
            cand --name 'A new name'
            cand --country 'Its country: ISO code or English name'
            cand --role 'Its role in the network'
            cand --type 'What it is: city, agency, university, region...'
            cand -q 'Print no notes or warnings on stderr, only errors'
            cand --quiet 'Print no notes or warnings on stderr, only errors'
            cand --replace-lead 'Make this partner the lead and the current lead a partner'
            cand --dry-run 'Print the change as a unified diff and write nothing'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'netreg;partners;remove'= {
            cand --registry 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)'
            cand --format 'Output format (default: table on a terminal, plain otherwise; json for export)'
            cand --color 'When to use colour'
            cand -q 'Print no notes or warnings on stderr, only errors'
            cand --quiet 'Print no notes or warnings on stderr, only errors'
            cand --dry-run 'Print the change as a unified diff and write nothing'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'netreg;partners;help'= {
            cand list 'List partners, one row per network and partner'
            cand add 'Add a partner to a network'
            cand edit 'Change a partner of a network'
            cand remove 'Remove a partner from a network'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'netreg;partners;help;list'= {
        }
        &'netreg;partners;help;add'= {
        }
        &'netreg;partners;help;edit'= {
        }
        &'netreg;partners;help;remove'= {
        }
        &'netreg;partners;help;help'= {
        }
        &'netreg;milestones'= {
            cand --registry 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)'
            cand --format 'Output format (default: table on a terminal, plain otherwise; json for export)'
            cand --color 'When to use colour'
            cand -q 'Print no notes or warnings on stderr, only errors'
            cand --quiet 'Print no notes or warnings on stderr, only errors'
            cand -h 'Print help'
            cand --help 'Print help'
            cand list 'List milestones in date order'
            cand add 'Add a milestone to a network'
            cand edit 'Change a milestone''s date, title or kind'
            cand remove 'Remove a milestone from a network'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'netreg;milestones;list'= {
            cand --registry 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)'
            cand --format 'Output format (default: table on a terminal, plain otherwise; json for export)'
            cand --color 'When to use colour'
            cand --network 'Only this network (repeatable)'
            cand --country 'Only partners in this country: code, alpha-3 or English name (repeatable)'
            cand --role 'Only partners with this role (repeatable)'
            cand --programme 'Only networks of this programme, e.g. "URBACT II" (repeatable)'
            cand --status 'Only networks with this status (repeatable)'
            cand --kind 'Only milestones of this kind (repeatable)'
            cand --from 'From this date (YYYY, YYYY-MM or YYYY-MM-DD)'
            cand --to 'Up to this date (YYYY, YYYY-MM or YYYY-MM-DD)'
            cand --search 'Free text over names, titles, themes and summaries, ignoring case and accents (repeatable)'
            cand --fields 'Choose and order the columns, e.g. `name,country`'
            cand --sort 'Sort rows by these fields, in turn (prefix `-` for descending), e.g. `country,-name`'
            cand --limit 'Print at most N rows'
            cand -q 'Print no notes or warnings on stderr, only errors'
            cand --quiet 'Print no notes or warnings on stderr, only errors'
            cand --raw 'In csv and tsv, write fields exactly as they are, even ones a spreadsheet would run as a formula'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'netreg;milestones;add'= {
            cand --registry 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)'
            cand --format 'Output format (default: table on a terminal, plain otherwise; json for export)'
            cand --color 'When to use colour'
            cand --kind 'Its kind'
            cand -q 'Print no notes or warnings on stderr, only errors'
            cand --quiet 'Print no notes or warnings on stderr, only errors'
            cand --dry-run 'Print the change as a unified diff and write nothing'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'netreg;milestones;edit'= {
            cand --registry 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)'
            cand --format 'Output format (default: table on a terminal, plain otherwise; json for export)'
            cand --color 'When to use colour'
            cand --date 'Its new date'
            cand --title 'Its new title'
            cand --kind 'Its new kind'
            cand -q 'Print no notes or warnings on stderr, only errors'
            cand --quiet 'Print no notes or warnings on stderr, only errors'
            cand --dry-run 'Print the change as a unified diff and write nothing'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'netreg;milestones;remove'= {
            cand --registry 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)'
            cand --format 'Output format (default: table on a terminal, plain otherwise; json for export)'
            cand --color 'When to use colour'
            cand -q 'Print no notes or warnings on stderr, only errors'
            cand --quiet 'Print no notes or warnings on stderr, only errors'
            cand --dry-run 'Print the change as a unified diff and write nothing'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'netreg;milestones;help'= {
            cand list 'List milestones in date order'
            cand add 'Add a milestone to a network'
            cand edit 'Change a milestone''s date, title or kind'
            cand remove 'Remove a milestone from a network'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'netreg;milestones;help;list'= {
        }
        &'netreg;milestones;help;add'= {
        }
        &'netreg;milestones;help;edit'= {
        }
        &'netreg;milestones;help;remove'= {
        }
        &'netreg;milestones;help;help'= {
        }
        &'netreg;timeline'= {
            cand --registry 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)'
            cand --format 'Output format (default: table on a terminal, plain otherwise; json for export)'
            cand --color 'When to use colour'
            cand -q 'Print no notes or warnings on stderr, only errors'
            cand --quiet 'Print no notes or warnings on stderr, only errors'
            cand -h 'Print help'
            cand --help 'Print help'
            cand show 'Show milestones by year, with each network''s span drawn on a year axis'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'netreg;timeline;show'= {
            cand --registry 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)'
            cand --format 'Output format (default: table on a terminal, plain otherwise; json for export)'
            cand --color 'When to use colour'
            cand --network 'Only this network (repeatable)'
            cand --country 'Only partners in this country: code, alpha-3 or English name (repeatable)'
            cand --role 'Only partners with this role (repeatable)'
            cand --programme 'Only networks of this programme, e.g. "URBACT II" (repeatable)'
            cand --status 'Only networks with this status (repeatable)'
            cand --kind 'Only milestones of this kind (repeatable)'
            cand --from 'From this date (YYYY, YYYY-MM or YYYY-MM-DD)'
            cand --to 'Up to this date (YYYY, YYYY-MM or YYYY-MM-DD)'
            cand --search 'Free text over names, titles, themes and summaries, ignoring case and accents (repeatable)'
            cand --fields 'Choose and order the columns, e.g. `name,country`'
            cand --sort 'Sort rows by these fields, in turn (prefix `-` for descending), e.g. `country,-name`'
            cand --limit 'Print at most N rows'
            cand -q 'Print no notes or warnings on stderr, only errors'
            cand --quiet 'Print no notes or warnings on stderr, only errors'
            cand --raw 'In csv and tsv, write fields exactly as they are, even ones a spreadsheet would run as a formula'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'netreg;timeline;help'= {
            cand show 'Show milestones by year, with each network''s span drawn on a year axis'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'netreg;timeline;help;show'= {
        }
        &'netreg;timeline;help;help'= {
        }
        &'netreg;stats'= {
            cand --registry 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)'
            cand --format 'Output format (default: table on a terminal, plain otherwise; json for export)'
            cand --color 'When to use colour'
            cand --by 'What to group by'
            cand --network 'Only this network (repeatable)'
            cand --country 'Only partners in this country: code, alpha-3 or English name (repeatable)'
            cand --role 'Only partners with this role (repeatable)'
            cand --programme 'Only networks of this programme, e.g. "URBACT II" (repeatable)'
            cand --status 'Only networks with this status (repeatable)'
            cand --kind 'Only milestones of this kind (repeatable)'
            cand --from 'From this date (YYYY, YYYY-MM or YYYY-MM-DD)'
            cand --to 'Up to this date (YYYY, YYYY-MM or YYYY-MM-DD)'
            cand --search 'Free text over names, titles, themes and summaries, ignoring case and accents (repeatable)'
            cand --fields 'Choose and order the columns, e.g. `name,country`'
            cand --sort 'Sort rows by these fields, in turn (prefix `-` for descending), e.g. `country,-name`'
            cand --limit 'Print at most N rows'
            cand -q 'Print no notes or warnings on stderr, only errors'
            cand --quiet 'Print no notes or warnings on stderr, only errors'
            cand --raw 'In csv and tsv, write fields exactly as they are, even ones a spreadsheet would run as a formula'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'netreg;check'= {
            cand --registry 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)'
            cand --format 'Output format (default: table on a terminal, plain otherwise; json for export)'
            cand --color 'When to use colour'
            cand -q 'Print no notes or warnings on stderr, only errors'
            cand --quiet 'Print no notes or warnings on stderr, only errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'netreg;path'= {
            cand --registry 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)'
            cand --format 'Output format (default: table on a terminal, plain otherwise; json for export)'
            cand --color 'When to use colour'
            cand -q 'Print no notes or warnings on stderr, only errors'
            cand --quiet 'Print no notes or warnings on stderr, only errors'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'netreg;init'= {
            cand --registry 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)'
            cand --format 'Output format (default: table on a terminal, plain otherwise; json for export)'
            cand --color 'When to use colour'
            cand -q 'Print no notes or warnings on stderr, only errors'
            cand --quiet 'Print no notes or warnings on stderr, only errors'
            cand --empty 'Start with no networks instead of the built-in ones'
            cand --force 'Replace a registry that already exists'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'netreg;export'= {
            cand --registry 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)'
            cand --format 'Output format (default: table on a terminal, plain otherwise; json for export)'
            cand --color 'When to use colour'
            cand --entity 'What one row is, for csv, tsv, markdown and ndjson'
            cand -o 'Write to this file (atomically) instead of stdout; `-` is stdout'
            cand --output 'Write to this file (atomically) instead of stdout; `-` is stdout'
            cand --delimiter 'In csv, separate fields with this character instead of `,` (`;` for spreadsheets in locales that write decimal commas)'
            cand --network 'Only this network (repeatable)'
            cand --country 'Only partners in this country: code, alpha-3 or English name (repeatable)'
            cand --role 'Only partners with this role (repeatable)'
            cand --programme 'Only networks of this programme, e.g. "URBACT II" (repeatable)'
            cand --status 'Only networks with this status (repeatable)'
            cand --kind 'Only milestones of this kind (repeatable)'
            cand --from 'From this date (YYYY, YYYY-MM or YYYY-MM-DD)'
            cand --to 'Up to this date (YYYY, YYYY-MM or YYYY-MM-DD)'
            cand --search 'Free text over names, titles, themes and summaries, ignoring case and accents (repeatable)'
            cand -q 'Print no notes or warnings on stderr, only errors'
            cand --quiet 'Print no notes or warnings on stderr, only errors'
            cand --bom 'Start csv or tsv with a byte-order mark, for spreadsheets that want one to read UTF-8'
            cand --raw 'In csv and tsv, write fields exactly as they are, even ones a spreadsheet would run as a formula'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'netreg;import'= {
            cand --registry 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)'
            cand --format 'Output format (default: table on a terminal, plain otherwise; json for export)'
            cand --color 'When to use colour'
            cand --on-conflict 'What to do with a network (or csv partner) that is already there'
            cand -q 'Print no notes or warnings on stderr, only errors'
            cand --quiet 'Print no notes or warnings on stderr, only errors'
            cand --dry-run 'Print the change as a unified diff and write nothing'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'netreg;completions'= {
            cand --registry 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)'
            cand --format 'Output format (default: table on a terminal, plain otherwise; json for export)'
            cand --color 'When to use colour'
            cand -q 'Print no notes or warnings on stderr, only errors'
            cand --quiet 'Print no notes or warnings on stderr, only errors'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'netreg;man'= {
            cand --registry 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)'
            cand --format 'Output format (default: table on a terminal, plain otherwise; json for export)'
            cand --color 'When to use colour'
            cand --dir 'Write the pages into this directory instead of printing netreg.1'
            cand -q 'Print no notes or warnings on stderr, only errors'
            cand --quiet 'Print no notes or warnings on stderr, only errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'netreg;help'= {
            cand networks 'List, show, add, edit and remove networks'
            cand partners 'List, add, edit and remove partners'
            cand milestones 'List, add and remove milestones'
            cand timeline 'Show milestones on a timeline'
            cand stats 'Count networks and partners per country, programme or year'
            cand check 'Validate the registry'
            cand path 'Print which registry is in use and why'
            cand init 'Create a registry: a copy of the built-in one, or an empty one'
            cand export 'Print the registry, or the selected part of it, in one format'
            cand import 'Merge networks from a file (json or toml), or partner rows from csv'
            cand completions 'Print a shell completion script'
            cand man 'Print the man page (roff), or write one for every command'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'netreg;help;networks'= {
            cand list 'List networks, one row each'
            cand show 'Show everything about one network'
            cand add 'Add a network'
            cand edit 'Change a network''s fields'
            cand rename 'Change a network''s id'
            cand remove 'Remove a network with its partners and milestones'
        }
        &'netreg;help;networks;list'= {
        }
        &'netreg;help;networks;show'= {
        }
        &'netreg;help;networks;add'= {
        }
        &'netreg;help;networks;edit'= {
        }
        &'netreg;help;networks;rename'= {
        }
        &'netreg;help;networks;remove'= {
        }
        &'netreg;help;partners'= {
            cand list 'List partners, one row per network and partner'
            cand add 'Add a partner to a network'
            cand edit 'Change a partner of a network'
            cand remove 'Remove a partner from a network'
        }
        &'netreg;help;partners;list'= {
        }
        &'netreg;help;partners;add'= {
        }
        &'netreg;help;partners;edit'= {
        }
        &'netreg;help;partners;remove'= {
        }
        &'netreg;help;milestones'= {
            cand list 'List milestones in date order'
            cand add 'Add a milestone to a network'
            cand edit 'Change a milestone''s date, title or kind'
            cand remove 'Remove a milestone from a network'
        }
        &'netreg;help;milestones;list'= {
        }
        &'netreg;help;milestones;add'= {
        }
        &'netreg;help;milestones;edit'= {
        }
        &'netreg;help;milestones;remove'= {
        }
        &'netreg;help;timeline'= {
            cand show 'Show milestones by year, with each network''s span drawn on a year axis'
        }
        &'netreg;help;timeline;show'= {
        }
        &'netreg;help;stats'= {
        }
        &'netreg;help;check'= {
        }
        &'netreg;help;path'= {
        }
        &'netreg;help;init'= {
        }
        &'netreg;help;export'= {
        }
        &'netreg;help;import'= {
        }
        &'netreg;help;completions'= {
        }
        &'netreg;help;man'= {
        }
        &'netreg;help;help'= {
        }
    ]
    $completions[$command]
}
