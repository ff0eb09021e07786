
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
            cand --format 'Output format (default: table on a terminal, plain otherwise)'
            cand --color 'When to use colour'
            cand -q 'Print no notes on stderr, only errors'
            cand --quiet 'Print no notes on stderr, only errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand networks 'List and show networks'
            cand partners 'List partners'
            cand milestones 'List milestones'
            cand timeline 'Show milestones on a timeline'
            cand stats 'Count networks and partners per country, programme or year'
            cand check 'Validate the registry'
            cand path 'Print which registry is in use and why'
            cand completions 'Print a shell completion script'
            cand man 'Print the man page (roff)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'netreg;networks'= {
            cand --registry 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)'
            cand --format 'Output format (default: table on a terminal, plain otherwise)'
            cand --color 'When to use colour'
            cand -q 'Print no notes on stderr, only errors'
            cand --quiet 'Print no notes on stderr, only errors'
            cand -h 'Print help'
            cand --help 'Print help'
            cand list 'List networks, one row each'
            cand show 'Show everything about one network'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'netreg;networks;list'= {
            cand --network 'Only this network (repeatable)'
            cand --country 'Only partners in this country: code, alpha-3 or English name (repeatable)'
            cand --role 'Only partners with this role'
            cand --programme 'Only networks of this programme, e.g. "URBACT II"'
            cand --status 'Only networks with this status'
            cand --kind 'Only milestones of this kind'
            cand --from 'From this date (YYYY, YYYY-MM or YYYY-MM-DD)'
            cand --to 'Up to this date (YYYY, YYYY-MM or YYYY-MM-DD)'
            cand --search 'Free text over names, titles, themes and summaries (ignores case and accents)'
            cand --fields 'Choose and order the columns, e.g. `name,country`'
            cand --sort 'Sort rows by this field (prefix `-` for descending)'
            cand --limit 'Print at most N rows'
            cand --registry 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)'
            cand --format 'Output format (default: table on a terminal, plain otherwise)'
            cand --color 'When to use colour'
            cand -q 'Print no notes on stderr, only errors'
            cand --quiet 'Print no notes on stderr, only errors'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'netreg;networks;show'= {
            cand --registry 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)'
            cand --format 'Output format (default: table on a terminal, plain otherwise)'
            cand --color 'When to use colour'
            cand -q 'Print no notes on stderr, only errors'
            cand --quiet 'Print no notes on stderr, only errors'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'netreg;networks;help'= {
            cand list 'List networks, one row each'
            cand show 'Show everything about one network'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'netreg;networks;help;list'= {
        }
        &'netreg;networks;help;show'= {
        }
        &'netreg;networks;help;help'= {
        }
        &'netreg;partners'= {
            cand --registry 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)'
            cand --format 'Output format (default: table on a terminal, plain otherwise)'
            cand --color 'When to use colour'
            cand -q 'Print no notes on stderr, only errors'
            cand --quiet 'Print no notes on stderr, only errors'
            cand -h 'Print help'
            cand --help 'Print help'
            cand list 'List partners, one row per network and partner'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'netreg;partners;list'= {
            cand --network 'Only this network (repeatable)'
            cand --country 'Only partners in this country: code, alpha-3 or English name (repeatable)'
            cand --role 'Only partners with this role'
            cand --programme 'Only networks of this programme, e.g. "URBACT II"'
            cand --status 'Only networks with this status'
            cand --kind 'Only milestones of this kind'
            cand --from 'From this date (YYYY, YYYY-MM or YYYY-MM-DD)'
            cand --to 'Up to this date (YYYY, YYYY-MM or YYYY-MM-DD)'
            cand --search 'Free text over names, titles, themes and summaries (ignores case and accents)'
            cand --fields 'Choose and order the columns, e.g. `name,country`'
            cand --sort 'Sort rows by this field (prefix `-` for descending)'
            cand --limit 'Print at most N rows'
            cand --registry 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)'
            cand --format 'Output format (default: table on a terminal, plain otherwise)'
            cand --color 'When to use colour'
            cand -q 'Print no notes on stderr, only errors'
            cand --quiet 'Print no notes on stderr, only errors'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'netreg;partners;help'= {
            cand list 'List partners, one row per network and partner'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'netreg;partners;help;list'= {
        }
        &'netreg;partners;help;help'= {
        }
        &'netreg;milestones'= {
            cand --registry 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)'
            cand --format 'Output format (default: table on a terminal, plain otherwise)'
            cand --color 'When to use colour'
            cand -q 'Print no notes on stderr, only errors'
            cand --quiet 'Print no notes on stderr, only errors'
            cand -h 'Print help'
            cand --help 'Print help'
            cand list 'List milestones in date order'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'netreg;milestones;list'= {
            cand --network 'Only this network (repeatable)'
            cand --country 'Only partners in this country: code, alpha-3 or English name (repeatable)'
            cand --role 'Only partners with this role'
            cand --programme 'Only networks of this programme, e.g. "URBACT II"'
            cand --status 'Only networks with this status'
            cand --kind 'Only milestones of this kind'
            cand --from 'From this date (YYYY, YYYY-MM or YYYY-MM-DD)'
            cand --to 'Up to this date (YYYY, YYYY-MM or YYYY-MM-DD)'
            cand --search 'Free text over names, titles, themes and summaries (ignores case and accents)'
            cand --fields 'Choose and order the columns, e.g. `name,country`'
            cand --sort 'Sort rows by this field (prefix `-` for descending)'
            cand --limit 'Print at most N rows'
            cand --registry 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)'
            cand --format 'Output format (default: table on a terminal, plain otherwise)'
            cand --color 'When to use colour'
            cand -q 'Print no notes on stderr, only errors'
            cand --quiet 'Print no notes on stderr, only errors'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'netreg;milestones;help'= {
            cand list 'List milestones in date order'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'netreg;milestones;help;list'= {
        }
        &'netreg;milestones;help;help'= {
        }
        &'netreg;timeline'= {
            cand --registry 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)'
            cand --format 'Output format (default: table on a terminal, plain otherwise)'
            cand --color 'When to use colour'
            cand -q 'Print no notes on stderr, only errors'
            cand --quiet 'Print no notes on stderr, only errors'
            cand -h 'Print help'
            cand --help 'Print help'
            cand show 'Show milestones by year, with each network''s span drawn on a year axis'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'netreg;timeline;show'= {
            cand --network 'Only this network (repeatable)'
            cand --country 'Only partners in this country: code, alpha-3 or English name (repeatable)'
            cand --role 'Only partners with this role'
            cand --programme 'Only networks of this programme, e.g. "URBACT II"'
            cand --status 'Only networks with this status'
            cand --kind 'Only milestones of this kind'
            cand --from 'From this date (YYYY, YYYY-MM or YYYY-MM-DD)'
            cand --to 'Up to this date (YYYY, YYYY-MM or YYYY-MM-DD)'
            cand --search 'Free text over names, titles, themes and summaries (ignores case and accents)'
            cand --fields 'Choose and order the columns, e.g. `name,country`'
            cand --sort 'Sort rows by this field (prefix `-` for descending)'
            cand --limit 'Print at most N rows'
            cand --registry 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)'
            cand --format 'Output format (default: table on a terminal, plain otherwise)'
            cand --color 'When to use colour'
            cand -q 'Print no notes on stderr, only errors'
            cand --quiet 'Print no notes on stderr, only errors'
            cand -h 'Print help'
            cand --help 'Print help'
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
            cand --by 'What to group by'
            cand --network 'Only this network (repeatable)'
            cand --country 'Only partners in this country: code, alpha-3 or English name (repeatable)'
            cand --role 'Only partners with this role'
            cand --programme 'Only networks of this programme, e.g. "URBACT II"'
            cand --status 'Only networks with this status'
            cand --kind 'Only milestones of this kind'
            cand --from 'From this date (YYYY, YYYY-MM or YYYY-MM-DD)'
            cand --to 'Up to this date (YYYY, YYYY-MM or YYYY-MM-DD)'
            cand --search 'Free text over names, titles, themes and summaries (ignores case and accents)'
            cand --fields 'Choose and order the columns, e.g. `name,country`'
            cand --sort 'Sort rows by this field (prefix `-` for descending)'
            cand --limit 'Print at most N rows'
            cand --registry 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)'
            cand --format 'Output format (default: table on a terminal, plain otherwise)'
            cand --color 'When to use colour'
            cand -q 'Print no notes on stderr, only errors'
            cand --quiet 'Print no notes on stderr, only errors'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'netreg;check'= {
            cand --registry 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)'
            cand --format 'Output format (default: table on a terminal, plain otherwise)'
            cand --color 'When to use colour'
            cand -q 'Print no notes on stderr, only errors'
            cand --quiet 'Print no notes on stderr, only errors'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'netreg;path'= {
            cand --registry 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)'
            cand --format 'Output format (default: table on a terminal, plain otherwise)'
            cand --color 'When to use colour'
            cand -q 'Print no notes on stderr, only errors'
            cand --quiet 'Print no notes on stderr, only errors'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'netreg;completions'= {
            cand --registry 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)'
            cand --format 'Output format (default: table on a terminal, plain otherwise)'
            cand --color 'When to use colour'
            cand -q 'Print no notes on stderr, only errors'
            cand --quiet 'Print no notes on stderr, only errors'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'netreg;man'= {
            cand --registry 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)'
            cand --format 'Output format (default: table on a terminal, plain otherwise)'
            cand --color 'When to use colour'
            cand -q 'Print no notes on stderr, only errors'
            cand --quiet 'Print no notes on stderr, only errors'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'netreg;help'= {
            cand networks 'List and show networks'
            cand partners 'List partners'
            cand milestones 'List milestones'
            cand timeline 'Show milestones on a timeline'
            cand stats 'Count networks and partners per country, programme or year'
            cand check 'Validate the registry'
            cand path 'Print which registry is in use and why'
            cand completions 'Print a shell completion script'
            cand man 'Print the man page (roff)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'netreg;help;networks'= {
            cand list 'List networks, one row each'
            cand show 'Show everything about one network'
        }
        &'netreg;help;networks;list'= {
        }
        &'netreg;help;networks;show'= {
        }
        &'netreg;help;partners'= {
            cand list 'List partners, one row per network and partner'
        }
        &'netreg;help;partners;list'= {
        }
        &'netreg;help;milestones'= {
            cand list 'List milestones in date order'
        }
        &'netreg;help;milestones;list'= {
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
        &'netreg;help;completions'= {
        }
        &'netreg;help;man'= {
        }
        &'netreg;help;help'= {
        }
    ]
    $completions[$command]
}
