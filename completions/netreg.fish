# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_netreg_global_optspecs
    string join \n registry= format= color= q/quiet h/help V/version
end

function __fish_netreg_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_netreg_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_netreg_using_subcommand
    set -l cmd (__fish_netreg_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c netreg -n "__fish_netreg_needs_command" -l registry -d 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)' -r -F
complete -c netreg -n "__fish_netreg_needs_command" -l format -d 'Output format (default: table on a terminal, plain otherwise; json for export)' -r -f -a "table\t''
plain\t''
tsv\t''
csv\t''
json\t''
ndjson\t''
markdown\t''
toml\t''"
complete -c netreg -n "__fish_netreg_needs_command" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c netreg -n "__fish_netreg_needs_command" -s q -l quiet -d 'Print no notes or warnings on stderr, only errors'
complete -c netreg -n "__fish_netreg_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c netreg -n "__fish_netreg_needs_command" -s V -l version -d 'Print version'
complete -c netreg -n "__fish_netreg_needs_command" -f -a "networks" -d 'List, show, add, edit and remove networks'
complete -c netreg -n "__fish_netreg_needs_command" -f -a "partners" -d 'List, add, edit and remove partners'
complete -c netreg -n "__fish_netreg_needs_command" -f -a "milestones" -d 'List, add and remove milestones'
complete -c netreg -n "__fish_netreg_needs_command" -f -a "timeline" -d 'Show milestones on a timeline'
complete -c netreg -n "__fish_netreg_needs_command" -f -a "stats" -d 'Count networks and partners per country, programme or year'
complete -c netreg -n "__fish_netreg_needs_command" -f -a "check" -d 'Validate the registry'
complete -c netreg -n "__fish_netreg_needs_command" -f -a "path" -d 'Print which registry is in use and why'
complete -c netreg -n "__fish_netreg_needs_command" -f -a "init" -d 'Create a registry: a copy of the built-in one, or an empty one'
complete -c netreg -n "__fish_netreg_needs_command" -f -a "export" -d 'Print the registry, or the selected part of it, in one format'
complete -c netreg -n "__fish_netreg_needs_command" -f -a "import" -d 'Merge networks from a file (json or toml), or partner rows from csv'
complete -c netreg -n "__fish_netreg_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c netreg -n "__fish_netreg_needs_command" -f -a "man" -d 'Print the man page (roff), or write one for every command'
complete -c netreg -n "__fish_netreg_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c netreg -n "__fish_netreg_using_subcommand networks; and not __fish_seen_subcommand_from list show add edit rename remove help" -l registry -d 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)' -r -F
complete -c netreg -n "__fish_netreg_using_subcommand networks; and not __fish_seen_subcommand_from list show add edit rename remove help" -l format -d 'Output format (default: table on a terminal, plain otherwise; json for export)' -r -f -a "table\t''
plain\t''
tsv\t''
csv\t''
json\t''
ndjson\t''
markdown\t''
toml\t''"
complete -c netreg -n "__fish_netreg_using_subcommand networks; and not __fish_seen_subcommand_from list show add edit rename remove help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c netreg -n "__fish_netreg_using_subcommand networks; and not __fish_seen_subcommand_from list show add edit rename remove help" -s q -l quiet -d 'Print no notes or warnings on stderr, only errors'
complete -c netreg -n "__fish_netreg_using_subcommand networks; and not __fish_seen_subcommand_from list show add edit rename remove help" -s h -l help -d 'Print help'
complete -c netreg -n "__fish_netreg_using_subcommand networks; and not __fish_seen_subcommand_from list show add edit rename remove help" -f -a "list" -d 'List networks, one row each'
complete -c netreg -n "__fish_netreg_using_subcommand networks; and not __fish_seen_subcommand_from list show add edit rename remove help" -f -a "show" -d 'Show everything about one network'
complete -c netreg -n "__fish_netreg_using_subcommand networks; and not __fish_seen_subcommand_from list show add edit rename remove help" -f -a "add" -d 'Add a network'
complete -c netreg -n "__fish_netreg_using_subcommand networks; and not __fish_seen_subcommand_from list show add edit rename remove help" -f -a "edit" -d 'Change a network\'s fields'
complete -c netreg -n "__fish_netreg_using_subcommand networks; and not __fish_seen_subcommand_from list show add edit rename remove help" -f -a "rename" -d 'Change a network\'s id'
complete -c netreg -n "__fish_netreg_using_subcommand networks; and not __fish_seen_subcommand_from list show add edit rename remove help" -f -a "remove" -d 'Remove a network with its partners and milestones'
complete -c netreg -n "__fish_netreg_using_subcommand networks; and not __fish_seen_subcommand_from list show add edit rename remove help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c netreg -n "__fish_netreg_using_subcommand networks; and __fish_seen_subcommand_from list" -l registry -d 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)' -r -F
complete -c netreg -n "__fish_netreg_using_subcommand networks; and __fish_seen_subcommand_from list" -l format -d 'Output format (default: table on a terminal, plain otherwise; json for export)' -r -f -a "table\t''
plain\t''
tsv\t''
csv\t''
json\t''
ndjson\t''
markdown\t''
toml\t''"
complete -c netreg -n "__fish_netreg_using_subcommand networks; and __fish_seen_subcommand_from list" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c netreg -n "__fish_netreg_using_subcommand networks; and __fish_seen_subcommand_from list" -l network -d 'Only this network (repeatable)' -r
complete -c netreg -n "__fish_netreg_using_subcommand networks; and __fish_seen_subcommand_from list" -l country -d 'Only partners in this country: code, alpha-3 or English name (repeatable)' -r
complete -c netreg -n "__fish_netreg_using_subcommand networks; and __fish_seen_subcommand_from list" -l role -d 'Only partners with this role (repeatable)' -r -f -a "lead\t''
partner\t''
observer\t''"
complete -c netreg -n "__fish_netreg_using_subcommand networks; and __fish_seen_subcommand_from list" -l programme -d 'Only networks of this programme, e.g. "URBACT II" (repeatable)' -r
complete -c netreg -n "__fish_netreg_using_subcommand networks; and __fish_seen_subcommand_from list" -l status -d 'Only networks with this status (repeatable)' -r -f -a "planned\t''
active\t''
closed\t''"
complete -c netreg -n "__fish_netreg_using_subcommand networks; and __fish_seen_subcommand_from list" -l kind -d 'Only milestones of this kind (repeatable)' -r -f -a "launch\t''
completion\t''
event\t''"
complete -c netreg -n "__fish_netreg_using_subcommand networks; and __fish_seen_subcommand_from list" -l from -d 'From this date (YYYY, YYYY-MM or YYYY-MM-DD)' -r
complete -c netreg -n "__fish_netreg_using_subcommand networks; and __fish_seen_subcommand_from list" -l to -d 'Up to this date (YYYY, YYYY-MM or YYYY-MM-DD)' -r
complete -c netreg -n "__fish_netreg_using_subcommand networks; and __fish_seen_subcommand_from list" -l search -d 'Free text over names, titles, themes and summaries, ignoring case and accents (repeatable)' -r
complete -c netreg -n "__fish_netreg_using_subcommand networks; and __fish_seen_subcommand_from list" -l fields -d 'Choose and order the columns, e.g. `name,country`' -r
complete -c netreg -n "__fish_netreg_using_subcommand networks; and __fish_seen_subcommand_from list" -l sort -d 'Sort rows by these fields, in turn (prefix `-` for descending), e.g. `country,-name`' -r
complete -c netreg -n "__fish_netreg_using_subcommand networks; and __fish_seen_subcommand_from list" -l limit -d 'Print at most N rows' -r
complete -c netreg -n "__fish_netreg_using_subcommand networks; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print no notes or warnings on stderr, only errors'
complete -c netreg -n "__fish_netreg_using_subcommand networks; and __fish_seen_subcommand_from list" -l raw -d 'In csv and tsv, write fields exactly as they are, even ones a spreadsheet would run as a formula'
complete -c netreg -n "__fish_netreg_using_subcommand networks; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c netreg -n "__fish_netreg_using_subcommand networks; and __fish_seen_subcommand_from show" -l registry -d 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)' -r -F
complete -c netreg -n "__fish_netreg_using_subcommand networks; and __fish_seen_subcommand_from show" -l format -d 'Output format (default: table on a terminal, plain otherwise; json for export)' -r -f -a "table\t''
plain\t''
tsv\t''
csv\t''
json\t''
ndjson\t''
markdown\t''
toml\t''"
complete -c netreg -n "__fish_netreg_using_subcommand networks; and __fish_seen_subcommand_from show" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c netreg -n "__fish_netreg_using_subcommand networks; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print no notes or warnings on stderr, only errors'
complete -c netreg -n "__fish_netreg_using_subcommand networks; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c netreg -n "__fish_netreg_using_subcommand networks; and __fish_seen_subcommand_from add" -l registry -d 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)' -r -F
complete -c netreg -n "__fish_netreg_using_subcommand networks; and __fish_seen_subcommand_from add" -l format -d 'Output format (default: table on a terminal, plain otherwise; json for export)' -r -f -a "table\t''
plain\t''
tsv\t''
csv\t''
json\t''
ndjson\t''
markdown\t''
toml\t''"
complete -c netreg -n "__fish_netreg_using_subcommand networks; and __fish_seen_subcommand_from add" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c netreg -n "__fish_netreg_using_subcommand networks; and __fish_seen_subcommand_from add" -l name -d 'The network\'s name' -r
complete -c netreg -n "__fish_netreg_using_subcommand networks; and __fish_seen_subcommand_from add" -l programme -d 'Its programme, e.g. "URBACT IV"' -r
complete -c netreg -n "__fish_netreg_using_subcommand networks; and __fish_seen_subcommand_from add" -l type -d 'Its type, e.g. "Action Planning Network"' -r
complete -c netreg -n "__fish_netreg_using_subcommand networks; and __fish_seen_subcommand_from add" -l status -d 'Its status (otherwise derived from its launch and completion)' -r
complete -c netreg -n "__fish_netreg_using_subcommand networks; and __fish_seen_subcommand_from add" -l theme -d 'A theme (repeatable)' -r
complete -c netreg -n "__fish_netreg_using_subcommand networks; and __fish_seen_subcommand_from add" -l url -d 'Its web page' -r
complete -c netreg -n "__fish_netreg_using_subcommand networks; and __fish_seen_subcommand_from add" -l summary -d 'A summary in a few sentences' -r
complete -c netreg -n "__fish_netreg_using_subcommand networks; and __fish_seen_subcommand_from add" -l start -d 'The launch date (YYYY, YYYY-MM or YYYY-MM-DD)' -r
complete -c netreg -n "__fish_netreg_using_subcommand networks; and __fish_seen_subcommand_from add" -l end -d 'The completion date (YYYY, YYYY-MM or YYYY-MM-DD)' -r
complete -c netreg -n "__fish_netreg_using_subcommand networks; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print no notes or warnings on stderr, only errors'
complete -c netreg -n "__fish_netreg_using_subcommand networks; and __fish_seen_subcommand_from add" -l dry-run -d 'Print the change as a unified diff and write nothing'
complete -c netreg -n "__fish_netreg_using_subcommand networks; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c netreg -n "__fish_netreg_using_subcommand networks; and __fish_seen_subcommand_from edit" -l registry -d 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)' -r -F
complete -c netreg -n "__fish_netreg_using_subcommand networks; and __fish_seen_subcommand_from edit" -l format -d 'Output format (default: table on a terminal, plain otherwise; json for export)' -r -f -a "table\t''
plain\t''
tsv\t''
csv\t''
json\t''
ndjson\t''
markdown\t''
toml\t''"
complete -c netreg -n "__fish_netreg_using_subcommand networks; and __fish_seen_subcommand_from edit" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c netreg -n "__fish_netreg_using_subcommand networks; and __fish_seen_subcommand_from edit" -l name -d 'The network\'s name' -r
complete -c netreg -n "__fish_netreg_using_subcommand networks; and __fish_seen_subcommand_from edit" -l programme -d 'Its programme, e.g. "URBACT IV"' -r
complete -c netreg -n "__fish_netreg_using_subcommand networks; and __fish_seen_subcommand_from edit" -l type -d 'Its type, e.g. "Action Planning Network"' -r
complete -c netreg -n "__fish_netreg_using_subcommand networks; and __fish_seen_subcommand_from edit" -l status -d 'Its status (otherwise derived from its launch and completion)' -r
complete -c netreg -n "__fish_netreg_using_subcommand networks; and __fish_seen_subcommand_from edit" -l theme -d 'A theme (repeatable)' -r
complete -c netreg -n "__fish_netreg_using_subcommand networks; and __fish_seen_subcommand_from edit" -l url -d 'Its web page' -r
complete -c netreg -n "__fish_netreg_using_subcommand networks; and __fish_seen_subcommand_from edit" -l summary -d 'A summary in a few sentences' -r
complete -c netreg -n "__fish_netreg_using_subcommand networks; and __fish_seen_subcommand_from edit" -l start -d 'The launch date (YYYY, YYYY-MM or YYYY-MM-DD)' -r
complete -c netreg -n "__fish_netreg_using_subcommand networks; and __fish_seen_subcommand_from edit" -l end -d 'The completion date (YYYY, YYYY-MM or YYYY-MM-DD)' -r
complete -c netreg -n "__fish_netreg_using_subcommand networks; and __fish_seen_subcommand_from edit" -s q -l quiet -d 'Print no notes or warnings on stderr, only errors'
complete -c netreg -n "__fish_netreg_using_subcommand networks; and __fish_seen_subcommand_from edit" -l dry-run -d 'Print the change as a unified diff and write nothing'
complete -c netreg -n "__fish_netreg_using_subcommand networks; and __fish_seen_subcommand_from edit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c netreg -n "__fish_netreg_using_subcommand networks; and __fish_seen_subcommand_from rename" -l registry -d 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)' -r -F
complete -c netreg -n "__fish_netreg_using_subcommand networks; and __fish_seen_subcommand_from rename" -l format -d 'Output format (default: table on a terminal, plain otherwise; json for export)' -r -f -a "table\t''
plain\t''
tsv\t''
csv\t''
json\t''
ndjson\t''
markdown\t''
toml\t''"
complete -c netreg -n "__fish_netreg_using_subcommand networks; and __fish_seen_subcommand_from rename" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c netreg -n "__fish_netreg_using_subcommand networks; and __fish_seen_subcommand_from rename" -s q -l quiet -d 'Print no notes or warnings on stderr, only errors'
complete -c netreg -n "__fish_netreg_using_subcommand networks; and __fish_seen_subcommand_from rename" -l dry-run -d 'Print the change as a unified diff and write nothing'
complete -c netreg -n "__fish_netreg_using_subcommand networks; and __fish_seen_subcommand_from rename" -s h -l help -d 'Print help'
complete -c netreg -n "__fish_netreg_using_subcommand networks; and __fish_seen_subcommand_from remove" -l registry -d 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)' -r -F
complete -c netreg -n "__fish_netreg_using_subcommand networks; and __fish_seen_subcommand_from remove" -l format -d 'Output format (default: table on a terminal, plain otherwise; json for export)' -r -f -a "table\t''
plain\t''
tsv\t''
csv\t''
json\t''
ndjson\t''
markdown\t''
toml\t''"
complete -c netreg -n "__fish_netreg_using_subcommand networks; and __fish_seen_subcommand_from remove" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c netreg -n "__fish_netreg_using_subcommand networks; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'Print no notes or warnings on stderr, only errors'
complete -c netreg -n "__fish_netreg_using_subcommand networks; and __fish_seen_subcommand_from remove" -s y -l yes -d 'Remove without asking'
complete -c netreg -n "__fish_netreg_using_subcommand networks; and __fish_seen_subcommand_from remove" -l dry-run -d 'Print the change as a unified diff and write nothing'
complete -c netreg -n "__fish_netreg_using_subcommand networks; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c netreg -n "__fish_netreg_using_subcommand networks; and __fish_seen_subcommand_from help" -f -a "list" -d 'List networks, one row each'
complete -c netreg -n "__fish_netreg_using_subcommand networks; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show everything about one network'
complete -c netreg -n "__fish_netreg_using_subcommand networks; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a network'
complete -c netreg -n "__fish_netreg_using_subcommand networks; and __fish_seen_subcommand_from help" -f -a "edit" -d 'Change a network\'s fields'
complete -c netreg -n "__fish_netreg_using_subcommand networks; and __fish_seen_subcommand_from help" -f -a "rename" -d 'Change a network\'s id'
complete -c netreg -n "__fish_netreg_using_subcommand networks; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove a network with its partners and milestones'
complete -c netreg -n "__fish_netreg_using_subcommand networks; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c netreg -n "__fish_netreg_using_subcommand partners; and not __fish_seen_subcommand_from list add edit remove help" -l registry -d 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)' -r -F
complete -c netreg -n "__fish_netreg_using_subcommand partners; and not __fish_seen_subcommand_from list add edit remove help" -l format -d 'Output format (default: table on a terminal, plain otherwise; json for export)' -r -f -a "table\t''
plain\t''
tsv\t''
csv\t''
json\t''
ndjson\t''
markdown\t''
toml\t''"
complete -c netreg -n "__fish_netreg_using_subcommand partners; and not __fish_seen_subcommand_from list add edit remove help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c netreg -n "__fish_netreg_using_subcommand partners; and not __fish_seen_subcommand_from list add edit remove help" -s q -l quiet -d 'Print no notes or warnings on stderr, only errors'
complete -c netreg -n "__fish_netreg_using_subcommand partners; and not __fish_seen_subcommand_from list add edit remove help" -s h -l help -d 'Print help'
complete -c netreg -n "__fish_netreg_using_subcommand partners; and not __fish_seen_subcommand_from list add edit remove help" -f -a "list" -d 'List partners, one row per network and partner'
complete -c netreg -n "__fish_netreg_using_subcommand partners; and not __fish_seen_subcommand_from list add edit remove help" -f -a "add" -d 'Add a partner to a network'
complete -c netreg -n "__fish_netreg_using_subcommand partners; and not __fish_seen_subcommand_from list add edit remove help" -f -a "edit" -d 'Change a partner of a network'
complete -c netreg -n "__fish_netreg_using_subcommand partners; and not __fish_seen_subcommand_from list add edit remove help" -f -a "remove" -d 'Remove a partner from a network'
complete -c netreg -n "__fish_netreg_using_subcommand partners; and not __fish_seen_subcommand_from list add edit remove help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c netreg -n "__fish_netreg_using_subcommand partners; and __fish_seen_subcommand_from list" -l registry -d 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)' -r -F
complete -c netreg -n "__fish_netreg_using_subcommand partners; and __fish_seen_subcommand_from list" -l format -d 'Output format (default: table on a terminal, plain otherwise; json for export)' -r -f -a "table\t''
plain\t''
tsv\t''
csv\t''
json\t''
ndjson\t''
markdown\t''
toml\t''"
complete -c netreg -n "__fish_netreg_using_subcommand partners; and __fish_seen_subcommand_from list" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c netreg -n "__fish_netreg_using_subcommand partners; and __fish_seen_subcommand_from list" -l network -d 'Only this network (repeatable)' -r
complete -c netreg -n "__fish_netreg_using_subcommand partners; and __fish_seen_subcommand_from list" -l country -d 'Only partners in this country: code, alpha-3 or English name (repeatable)' -r
complete -c netreg -n "__fish_netreg_using_subcommand partners; and __fish_seen_subcommand_from list" -l role -d 'Only partners with this role (repeatable)' -r -f -a "lead\t''
partner\t''
observer\t''"
complete -c netreg -n "__fish_netreg_using_subcommand partners; and __fish_seen_subcommand_from list" -l programme -d 'Only networks of this programme, e.g. "URBACT II" (repeatable)' -r
complete -c netreg -n "__fish_netreg_using_subcommand partners; and __fish_seen_subcommand_from list" -l status -d 'Only networks with this status (repeatable)' -r -f -a "planned\t''
active\t''
closed\t''"
complete -c netreg -n "__fish_netreg_using_subcommand partners; and __fish_seen_subcommand_from list" -l kind -d 'Only milestones of this kind (repeatable)' -r -f -a "launch\t''
completion\t''
event\t''"
complete -c netreg -n "__fish_netreg_using_subcommand partners; and __fish_seen_subcommand_from list" -l from -d 'From this date (YYYY, YYYY-MM or YYYY-MM-DD)' -r
complete -c netreg -n "__fish_netreg_using_subcommand partners; and __fish_seen_subcommand_from list" -l to -d 'Up to this date (YYYY, YYYY-MM or YYYY-MM-DD)' -r
complete -c netreg -n "__fish_netreg_using_subcommand partners; and __fish_seen_subcommand_from list" -l search -d 'Free text over names, titles, themes and summaries, ignoring case and accents (repeatable)' -r
complete -c netreg -n "__fish_netreg_using_subcommand partners; and __fish_seen_subcommand_from list" -l fields -d 'Choose and order the columns, e.g. `name,country`' -r
complete -c netreg -n "__fish_netreg_using_subcommand partners; and __fish_seen_subcommand_from list" -l sort -d 'Sort rows by these fields, in turn (prefix `-` for descending), e.g. `country,-name`' -r
complete -c netreg -n "__fish_netreg_using_subcommand partners; and __fish_seen_subcommand_from list" -l limit -d 'Print at most N rows' -r
complete -c netreg -n "__fish_netreg_using_subcommand partners; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print no notes or warnings on stderr, only errors'
complete -c netreg -n "__fish_netreg_using_subcommand partners; and __fish_seen_subcommand_from list" -l raw -d 'In csv and tsv, write fields exactly as they are, even ones a spreadsheet would run as a formula'
complete -c netreg -n "__fish_netreg_using_subcommand partners; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c netreg -n "__fish_netreg_using_subcommand partners; and __fish_seen_subcommand_from add" -l registry -d 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)' -r -F
complete -c netreg -n "__fish_netreg_using_subcommand partners; and __fish_seen_subcommand_from add" -l format -d 'Output format (default: table on a terminal, plain otherwise; json for export)' -r -f -a "table\t''
plain\t''
tsv\t''
csv\t''
json\t''
ndjson\t''
markdown\t''
toml\t''"
complete -c netreg -n "__fish_netreg_using_subcommand partners; and __fish_seen_subcommand_from add" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c netreg -n "__fish_netreg_using_subcommand partners; and __fish_seen_subcommand_from add" -l country -d 'Its country: ISO code or English name' -r
complete -c netreg -n "__fish_netreg_using_subcommand partners; and __fish_seen_subcommand_from add" -l role -d 'Its role in the network' -r -f -a "lead\t''
partner\t''
observer\t''"
complete -c netreg -n "__fish_netreg_using_subcommand partners; and __fish_seen_subcommand_from add" -l type -d 'What it is: city, agency, university, region...' -r
complete -c netreg -n "__fish_netreg_using_subcommand partners; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print no notes or warnings on stderr, only errors'
complete -c netreg -n "__fish_netreg_using_subcommand partners; and __fish_seen_subcommand_from add" -l replace-lead -d 'Make this partner the lead and the current lead a partner'
complete -c netreg -n "__fish_netreg_using_subcommand partners; and __fish_seen_subcommand_from add" -l dry-run -d 'Print the change as a unified diff and write nothing'
complete -c netreg -n "__fish_netreg_using_subcommand partners; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c netreg -n "__fish_netreg_using_subcommand partners; and __fish_seen_subcommand_from edit" -l registry -d 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)' -r -F
complete -c netreg -n "__fish_netreg_using_subcommand partners; and __fish_seen_subcommand_from edit" -l format -d 'Output format (default: table on a terminal, plain otherwise; json for export)' -r -f -a "table\t''
plain\t''
tsv\t''
csv\t''
json\t''
ndjson\t''
markdown\t''
toml\t''"
complete -c netreg -n "__fish_netreg_using_subcommand partners; and __fish_seen_subcommand_from edit" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c netreg -n "__fish_netreg_using_subcommand partners; and __fish_seen_subcommand_from edit" -l name -d 'A new name' -r
complete -c netreg -n "__fish_netreg_using_subcommand partners; and __fish_seen_subcommand_from edit" -l country -d 'Its country: ISO code or English name' -r
complete -c netreg -n "__fish_netreg_using_subcommand partners; and __fish_seen_subcommand_from edit" -l role -d 'Its role in the network' -r -f -a "lead\t''
partner\t''
observer\t''"
complete -c netreg -n "__fish_netreg_using_subcommand partners; and __fish_seen_subcommand_from edit" -l type -d 'What it is: city, agency, university, region...' -r
complete -c netreg -n "__fish_netreg_using_subcommand partners; and __fish_seen_subcommand_from edit" -s q -l quiet -d 'Print no notes or warnings on stderr, only errors'
complete -c netreg -n "__fish_netreg_using_subcommand partners; and __fish_seen_subcommand_from edit" -l replace-lead -d 'Make this partner the lead and the current lead a partner'
complete -c netreg -n "__fish_netreg_using_subcommand partners; and __fish_seen_subcommand_from edit" -l dry-run -d 'Print the change as a unified diff and write nothing'
complete -c netreg -n "__fish_netreg_using_subcommand partners; and __fish_seen_subcommand_from edit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c netreg -n "__fish_netreg_using_subcommand partners; and __fish_seen_subcommand_from remove" -l registry -d 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)' -r -F
complete -c netreg -n "__fish_netreg_using_subcommand partners; and __fish_seen_subcommand_from remove" -l format -d 'Output format (default: table on a terminal, plain otherwise; json for export)' -r -f -a "table\t''
plain\t''
tsv\t''
csv\t''
json\t''
ndjson\t''
markdown\t''
toml\t''"
complete -c netreg -n "__fish_netreg_using_subcommand partners; and __fish_seen_subcommand_from remove" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c netreg -n "__fish_netreg_using_subcommand partners; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'Print no notes or warnings on stderr, only errors'
complete -c netreg -n "__fish_netreg_using_subcommand partners; and __fish_seen_subcommand_from remove" -l dry-run -d 'Print the change as a unified diff and write nothing'
complete -c netreg -n "__fish_netreg_using_subcommand partners; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c netreg -n "__fish_netreg_using_subcommand partners; and __fish_seen_subcommand_from help" -f -a "list" -d 'List partners, one row per network and partner'
complete -c netreg -n "__fish_netreg_using_subcommand partners; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a partner to a network'
complete -c netreg -n "__fish_netreg_using_subcommand partners; and __fish_seen_subcommand_from help" -f -a "edit" -d 'Change a partner of a network'
complete -c netreg -n "__fish_netreg_using_subcommand partners; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove a partner from a network'
complete -c netreg -n "__fish_netreg_using_subcommand partners; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c netreg -n "__fish_netreg_using_subcommand milestones; and not __fish_seen_subcommand_from list add edit remove help" -l registry -d 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)' -r -F
complete -c netreg -n "__fish_netreg_using_subcommand milestones; and not __fish_seen_subcommand_from list add edit remove help" -l format -d 'Output format (default: table on a terminal, plain otherwise; json for export)' -r -f -a "table\t''
plain\t''
tsv\t''
csv\t''
json\t''
ndjson\t''
markdown\t''
toml\t''"
complete -c netreg -n "__fish_netreg_using_subcommand milestones; and not __fish_seen_subcommand_from list add edit remove help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c netreg -n "__fish_netreg_using_subcommand milestones; and not __fish_seen_subcommand_from list add edit remove help" -s q -l quiet -d 'Print no notes or warnings on stderr, only errors'
complete -c netreg -n "__fish_netreg_using_subcommand milestones; and not __fish_seen_subcommand_from list add edit remove help" -s h -l help -d 'Print help'
complete -c netreg -n "__fish_netreg_using_subcommand milestones; and not __fish_seen_subcommand_from list add edit remove help" -f -a "list" -d 'List milestones in date order'
complete -c netreg -n "__fish_netreg_using_subcommand milestones; and not __fish_seen_subcommand_from list add edit remove help" -f -a "add" -d 'Add a milestone to a network'
complete -c netreg -n "__fish_netreg_using_subcommand milestones; and not __fish_seen_subcommand_from list add edit remove help" -f -a "edit" -d 'Change a milestone\'s date, title or kind'
complete -c netreg -n "__fish_netreg_using_subcommand milestones; and not __fish_seen_subcommand_from list add edit remove help" -f -a "remove" -d 'Remove a milestone from a network'
complete -c netreg -n "__fish_netreg_using_subcommand milestones; and not __fish_seen_subcommand_from list add edit remove help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c netreg -n "__fish_netreg_using_subcommand milestones; and __fish_seen_subcommand_from list" -l registry -d 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)' -r -F
complete -c netreg -n "__fish_netreg_using_subcommand milestones; and __fish_seen_subcommand_from list" -l format -d 'Output format (default: table on a terminal, plain otherwise; json for export)' -r -f -a "table\t''
plain\t''
tsv\t''
csv\t''
json\t''
ndjson\t''
markdown\t''
toml\t''"
complete -c netreg -n "__fish_netreg_using_subcommand milestones; and __fish_seen_subcommand_from list" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c netreg -n "__fish_netreg_using_subcommand milestones; and __fish_seen_subcommand_from list" -l network -d 'Only this network (repeatable)' -r
complete -c netreg -n "__fish_netreg_using_subcommand milestones; and __fish_seen_subcommand_from list" -l country -d 'Only partners in this country: code, alpha-3 or English name (repeatable)' -r
complete -c netreg -n "__fish_netreg_using_subcommand milestones; and __fish_seen_subcommand_from list" -l role -d 'Only partners with this role (repeatable)' -r -f -a "lead\t''
partner\t''
observer\t''"
complete -c netreg -n "__fish_netreg_using_subcommand milestones; and __fish_seen_subcommand_from list" -l programme -d 'Only networks of this programme, e.g. "URBACT II" (repeatable)' -r
complete -c netreg -n "__fish_netreg_using_subcommand milestones; and __fish_seen_subcommand_from list" -l status -d 'Only networks with this status (repeatable)' -r -f -a "planned\t''
active\t''
closed\t''"
complete -c netreg -n "__fish_netreg_using_subcommand milestones; and __fish_seen_subcommand_from list" -l kind -d 'Only milestones of this kind (repeatable)' -r -f -a "launch\t''
completion\t''
event\t''"
complete -c netreg -n "__fish_netreg_using_subcommand milestones; and __fish_seen_subcommand_from list" -l from -d 'From this date (YYYY, YYYY-MM or YYYY-MM-DD)' -r
complete -c netreg -n "__fish_netreg_using_subcommand milestones; and __fish_seen_subcommand_from list" -l to -d 'Up to this date (YYYY, YYYY-MM or YYYY-MM-DD)' -r
complete -c netreg -n "__fish_netreg_using_subcommand milestones; and __fish_seen_subcommand_from list" -l search -d 'Free text over names, titles, themes and summaries, ignoring case and accents (repeatable)' -r
complete -c netreg -n "__fish_netreg_using_subcommand milestones; and __fish_seen_subcommand_from list" -l fields -d 'Choose and order the columns, e.g. `name,country`' -r
complete -c netreg -n "__fish_netreg_using_subcommand milestones; and __fish_seen_subcommand_from list" -l sort -d 'Sort rows by these fields, in turn (prefix `-` for descending), e.g. `country,-name`' -r
complete -c netreg -n "__fish_netreg_using_subcommand milestones; and __fish_seen_subcommand_from list" -l limit -d 'Print at most N rows' -r
complete -c netreg -n "__fish_netreg_using_subcommand milestones; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print no notes or warnings on stderr, only errors'
complete -c netreg -n "__fish_netreg_using_subcommand milestones; and __fish_seen_subcommand_from list" -l raw -d 'In csv and tsv, write fields exactly as they are, even ones a spreadsheet would run as a formula'
complete -c netreg -n "__fish_netreg_using_subcommand milestones; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c netreg -n "__fish_netreg_using_subcommand milestones; and __fish_seen_subcommand_from add" -l registry -d 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)' -r -F
complete -c netreg -n "__fish_netreg_using_subcommand milestones; and __fish_seen_subcommand_from add" -l format -d 'Output format (default: table on a terminal, plain otherwise; json for export)' -r -f -a "table\t''
plain\t''
tsv\t''
csv\t''
json\t''
ndjson\t''
markdown\t''
toml\t''"
complete -c netreg -n "__fish_netreg_using_subcommand milestones; and __fish_seen_subcommand_from add" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c netreg -n "__fish_netreg_using_subcommand milestones; and __fish_seen_subcommand_from add" -l kind -d 'Its kind' -r -f -a "launch\t''
completion\t''
event\t''"
complete -c netreg -n "__fish_netreg_using_subcommand milestones; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print no notes or warnings on stderr, only errors'
complete -c netreg -n "__fish_netreg_using_subcommand milestones; and __fish_seen_subcommand_from add" -l dry-run -d 'Print the change as a unified diff and write nothing'
complete -c netreg -n "__fish_netreg_using_subcommand milestones; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c netreg -n "__fish_netreg_using_subcommand milestones; and __fish_seen_subcommand_from edit" -l registry -d 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)' -r -F
complete -c netreg -n "__fish_netreg_using_subcommand milestones; and __fish_seen_subcommand_from edit" -l format -d 'Output format (default: table on a terminal, plain otherwise; json for export)' -r -f -a "table\t''
plain\t''
tsv\t''
csv\t''
json\t''
ndjson\t''
markdown\t''
toml\t''"
complete -c netreg -n "__fish_netreg_using_subcommand milestones; and __fish_seen_subcommand_from edit" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c netreg -n "__fish_netreg_using_subcommand milestones; and __fish_seen_subcommand_from edit" -l date -d 'Its new date' -r
complete -c netreg -n "__fish_netreg_using_subcommand milestones; and __fish_seen_subcommand_from edit" -l title -d 'Its new title' -r
complete -c netreg -n "__fish_netreg_using_subcommand milestones; and __fish_seen_subcommand_from edit" -l kind -d 'Its new kind' -r -f -a "launch\t''
completion\t''
event\t''"
complete -c netreg -n "__fish_netreg_using_subcommand milestones; and __fish_seen_subcommand_from edit" -s q -l quiet -d 'Print no notes or warnings on stderr, only errors'
complete -c netreg -n "__fish_netreg_using_subcommand milestones; and __fish_seen_subcommand_from edit" -l dry-run -d 'Print the change as a unified diff and write nothing'
complete -c netreg -n "__fish_netreg_using_subcommand milestones; and __fish_seen_subcommand_from edit" -s h -l help -d 'Print help'
complete -c netreg -n "__fish_netreg_using_subcommand milestones; and __fish_seen_subcommand_from remove" -l registry -d 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)' -r -F
complete -c netreg -n "__fish_netreg_using_subcommand milestones; and __fish_seen_subcommand_from remove" -l format -d 'Output format (default: table on a terminal, plain otherwise; json for export)' -r -f -a "table\t''
plain\t''
tsv\t''
csv\t''
json\t''
ndjson\t''
markdown\t''
toml\t''"
complete -c netreg -n "__fish_netreg_using_subcommand milestones; and __fish_seen_subcommand_from remove" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c netreg -n "__fish_netreg_using_subcommand milestones; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'Print no notes or warnings on stderr, only errors'
complete -c netreg -n "__fish_netreg_using_subcommand milestones; and __fish_seen_subcommand_from remove" -l dry-run -d 'Print the change as a unified diff and write nothing'
complete -c netreg -n "__fish_netreg_using_subcommand milestones; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c netreg -n "__fish_netreg_using_subcommand milestones; and __fish_seen_subcommand_from help" -f -a "list" -d 'List milestones in date order'
complete -c netreg -n "__fish_netreg_using_subcommand milestones; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a milestone to a network'
complete -c netreg -n "__fish_netreg_using_subcommand milestones; and __fish_seen_subcommand_from help" -f -a "edit" -d 'Change a milestone\'s date, title or kind'
complete -c netreg -n "__fish_netreg_using_subcommand milestones; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove a milestone from a network'
complete -c netreg -n "__fish_netreg_using_subcommand milestones; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c netreg -n "__fish_netreg_using_subcommand timeline; and not __fish_seen_subcommand_from show help" -l registry -d 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)' -r -F
complete -c netreg -n "__fish_netreg_using_subcommand timeline; and not __fish_seen_subcommand_from show help" -l format -d 'Output format (default: table on a terminal, plain otherwise; json for export)' -r -f -a "table\t''
plain\t''
tsv\t''
csv\t''
json\t''
ndjson\t''
markdown\t''
toml\t''"
complete -c netreg -n "__fish_netreg_using_subcommand timeline; and not __fish_seen_subcommand_from show help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c netreg -n "__fish_netreg_using_subcommand timeline; and not __fish_seen_subcommand_from show help" -s q -l quiet -d 'Print no notes or warnings on stderr, only errors'
complete -c netreg -n "__fish_netreg_using_subcommand timeline; and not __fish_seen_subcommand_from show help" -s h -l help -d 'Print help'
complete -c netreg -n "__fish_netreg_using_subcommand timeline; and not __fish_seen_subcommand_from show help" -f -a "show" -d 'Show milestones by year, with each network\'s span drawn on a year axis'
complete -c netreg -n "__fish_netreg_using_subcommand timeline; and not __fish_seen_subcommand_from show help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c netreg -n "__fish_netreg_using_subcommand timeline; and __fish_seen_subcommand_from show" -l registry -d 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)' -r -F
complete -c netreg -n "__fish_netreg_using_subcommand timeline; and __fish_seen_subcommand_from show" -l format -d 'Output format (default: table on a terminal, plain otherwise; json for export)' -r -f -a "table\t''
plain\t''
tsv\t''
csv\t''
json\t''
ndjson\t''
markdown\t''
toml\t''"
complete -c netreg -n "__fish_netreg_using_subcommand timeline; and __fish_seen_subcommand_from show" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c netreg -n "__fish_netreg_using_subcommand timeline; and __fish_seen_subcommand_from show" -l network -d 'Only this network (repeatable)' -r
complete -c netreg -n "__fish_netreg_using_subcommand timeline; and __fish_seen_subcommand_from show" -l country -d 'Only partners in this country: code, alpha-3 or English name (repeatable)' -r
complete -c netreg -n "__fish_netreg_using_subcommand timeline; and __fish_seen_subcommand_from show" -l role -d 'Only partners with this role (repeatable)' -r -f -a "lead\t''
partner\t''
observer\t''"
complete -c netreg -n "__fish_netreg_using_subcommand timeline; and __fish_seen_subcommand_from show" -l programme -d 'Only networks of this programme, e.g. "URBACT II" (repeatable)' -r
complete -c netreg -n "__fish_netreg_using_subcommand timeline; and __fish_seen_subcommand_from show" -l status -d 'Only networks with this status (repeatable)' -r -f -a "planned\t''
active\t''
closed\t''"
complete -c netreg -n "__fish_netreg_using_subcommand timeline; and __fish_seen_subcommand_from show" -l kind -d 'Only milestones of this kind (repeatable)' -r -f -a "launch\t''
completion\t''
event\t''"
complete -c netreg -n "__fish_netreg_using_subcommand timeline; and __fish_seen_subcommand_from show" -l from -d 'From this date (YYYY, YYYY-MM or YYYY-MM-DD)' -r
complete -c netreg -n "__fish_netreg_using_subcommand timeline; and __fish_seen_subcommand_from show" -l to -d 'Up to this date (YYYY, YYYY-MM or YYYY-MM-DD)' -r
complete -c netreg -n "__fish_netreg_using_subcommand timeline; and __fish_seen_subcommand_from show" -l search -d 'Free text over names, titles, themes and summaries, ignoring case and accents (repeatable)' -r
complete -c netreg -n "__fish_netreg_using_subcommand timeline; and __fish_seen_subcommand_from show" -l fields -d 'Choose and order the columns, e.g. `name,country`' -r
complete -c netreg -n "__fish_netreg_using_subcommand timeline; and __fish_seen_subcommand_from show" -l sort -d 'Sort rows by these fields, in turn (prefix `-` for descending), e.g. `country,-name`' -r
complete -c netreg -n "__fish_netreg_using_subcommand timeline; and __fish_seen_subcommand_from show" -l limit -d 'Print at most N rows' -r
complete -c netreg -n "__fish_netreg_using_subcommand timeline; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print no notes or warnings on stderr, only errors'
complete -c netreg -n "__fish_netreg_using_subcommand timeline; and __fish_seen_subcommand_from show" -l raw -d 'In csv and tsv, write fields exactly as they are, even ones a spreadsheet would run as a formula'
complete -c netreg -n "__fish_netreg_using_subcommand timeline; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c netreg -n "__fish_netreg_using_subcommand timeline; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show milestones by year, with each network\'s span drawn on a year axis'
complete -c netreg -n "__fish_netreg_using_subcommand timeline; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c netreg -n "__fish_netreg_using_subcommand stats" -l registry -d 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)' -r -F
complete -c netreg -n "__fish_netreg_using_subcommand stats" -l format -d 'Output format (default: table on a terminal, plain otherwise; json for export)' -r -f -a "table\t''
plain\t''
tsv\t''
csv\t''
json\t''
ndjson\t''
markdown\t''
toml\t''"
complete -c netreg -n "__fish_netreg_using_subcommand stats" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c netreg -n "__fish_netreg_using_subcommand stats" -l by -d 'What to group by' -r -f -a "country\t''
programme\t''
year\t''"
complete -c netreg -n "__fish_netreg_using_subcommand stats" -l network -d 'Only this network (repeatable)' -r
complete -c netreg -n "__fish_netreg_using_subcommand stats" -l country -d 'Only partners in this country: code, alpha-3 or English name (repeatable)' -r
complete -c netreg -n "__fish_netreg_using_subcommand stats" -l role -d 'Only partners with this role (repeatable)' -r -f -a "lead\t''
partner\t''
observer\t''"
complete -c netreg -n "__fish_netreg_using_subcommand stats" -l programme -d 'Only networks of this programme, e.g. "URBACT II" (repeatable)' -r
complete -c netreg -n "__fish_netreg_using_subcommand stats" -l status -d 'Only networks with this status (repeatable)' -r -f -a "planned\t''
active\t''
closed\t''"
complete -c netreg -n "__fish_netreg_using_subcommand stats" -l kind -d 'Only milestones of this kind (repeatable)' -r -f -a "launch\t''
completion\t''
event\t''"
complete -c netreg -n "__fish_netreg_using_subcommand stats" -l from -d 'From this date (YYYY, YYYY-MM or YYYY-MM-DD)' -r
complete -c netreg -n "__fish_netreg_using_subcommand stats" -l to -d 'Up to this date (YYYY, YYYY-MM or YYYY-MM-DD)' -r
complete -c netreg -n "__fish_netreg_using_subcommand stats" -l search -d 'Free text over names, titles, themes and summaries, ignoring case and accents (repeatable)' -r
complete -c netreg -n "__fish_netreg_using_subcommand stats" -l fields -d 'Choose and order the columns, e.g. `name,country`' -r
complete -c netreg -n "__fish_netreg_using_subcommand stats" -l sort -d 'Sort rows by these fields, in turn (prefix `-` for descending), e.g. `country,-name`' -r
complete -c netreg -n "__fish_netreg_using_subcommand stats" -l limit -d 'Print at most N rows' -r
complete -c netreg -n "__fish_netreg_using_subcommand stats" -s q -l quiet -d 'Print no notes or warnings on stderr, only errors'
complete -c netreg -n "__fish_netreg_using_subcommand stats" -l raw -d 'In csv and tsv, write fields exactly as they are, even ones a spreadsheet would run as a formula'
complete -c netreg -n "__fish_netreg_using_subcommand stats" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c netreg -n "__fish_netreg_using_subcommand check" -l registry -d 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)' -r -F
complete -c netreg -n "__fish_netreg_using_subcommand check" -l format -d 'Output format (default: table on a terminal, plain otherwise; json for export)' -r -f -a "table\t''
plain\t''
tsv\t''
csv\t''
json\t''
ndjson\t''
markdown\t''
toml\t''"
complete -c netreg -n "__fish_netreg_using_subcommand check" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c netreg -n "__fish_netreg_using_subcommand check" -s q -l quiet -d 'Print no notes or warnings on stderr, only errors'
complete -c netreg -n "__fish_netreg_using_subcommand check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c netreg -n "__fish_netreg_using_subcommand path" -l registry -d 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)' -r -F
complete -c netreg -n "__fish_netreg_using_subcommand path" -l format -d 'Output format (default: table on a terminal, plain otherwise; json for export)' -r -f -a "table\t''
plain\t''
tsv\t''
csv\t''
json\t''
ndjson\t''
markdown\t''
toml\t''"
complete -c netreg -n "__fish_netreg_using_subcommand path" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c netreg -n "__fish_netreg_using_subcommand path" -s q -l quiet -d 'Print no notes or warnings on stderr, only errors'
complete -c netreg -n "__fish_netreg_using_subcommand path" -s h -l help -d 'Print help'
complete -c netreg -n "__fish_netreg_using_subcommand init" -l registry -d 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)' -r -F
complete -c netreg -n "__fish_netreg_using_subcommand init" -l format -d 'Output format (default: table on a terminal, plain otherwise; json for export)' -r -f -a "table\t''
plain\t''
tsv\t''
csv\t''
json\t''
ndjson\t''
markdown\t''
toml\t''"
complete -c netreg -n "__fish_netreg_using_subcommand init" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c netreg -n "__fish_netreg_using_subcommand init" -s q -l quiet -d 'Print no notes or warnings on stderr, only errors'
complete -c netreg -n "__fish_netreg_using_subcommand init" -l empty -d 'Start with no networks instead of the built-in ones'
complete -c netreg -n "__fish_netreg_using_subcommand init" -l force -d 'Replace a registry that already exists'
complete -c netreg -n "__fish_netreg_using_subcommand init" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c netreg -n "__fish_netreg_using_subcommand export" -l registry -d 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)' -r -F
complete -c netreg -n "__fish_netreg_using_subcommand export" -l format -d 'Output format (default: table on a terminal, plain otherwise; json for export)' -r -f -a "table\t''
plain\t''
tsv\t''
csv\t''
json\t''
ndjson\t''
markdown\t''
toml\t''"
complete -c netreg -n "__fish_netreg_using_subcommand export" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c netreg -n "__fish_netreg_using_subcommand export" -l entity -d 'What one row is, for csv, tsv, markdown and ndjson' -r -f -a "networks\t''
partners\t''
milestones\t''"
complete -c netreg -n "__fish_netreg_using_subcommand export" -s o -l output -d 'Write to this file (atomically) instead of stdout; `-` is stdout' -r -F
complete -c netreg -n "__fish_netreg_using_subcommand export" -l delimiter -d 'In csv, separate fields with this character instead of `,` (`;` for spreadsheets in locales that write decimal commas)' -r
complete -c netreg -n "__fish_netreg_using_subcommand export" -l network -d 'Only this network (repeatable)' -r
complete -c netreg -n "__fish_netreg_using_subcommand export" -l country -d 'Only partners in this country: code, alpha-3 or English name (repeatable)' -r
complete -c netreg -n "__fish_netreg_using_subcommand export" -l role -d 'Only partners with this role (repeatable)' -r -f -a "lead\t''
partner\t''
observer\t''"
complete -c netreg -n "__fish_netreg_using_subcommand export" -l programme -d 'Only networks of this programme, e.g. "URBACT II" (repeatable)' -r
complete -c netreg -n "__fish_netreg_using_subcommand export" -l status -d 'Only networks with this status (repeatable)' -r -f -a "planned\t''
active\t''
closed\t''"
complete -c netreg -n "__fish_netreg_using_subcommand export" -l kind -d 'Only milestones of this kind (repeatable)' -r -f -a "launch\t''
completion\t''
event\t''"
complete -c netreg -n "__fish_netreg_using_subcommand export" -l from -d 'From this date (YYYY, YYYY-MM or YYYY-MM-DD)' -r
complete -c netreg -n "__fish_netreg_using_subcommand export" -l to -d 'Up to this date (YYYY, YYYY-MM or YYYY-MM-DD)' -r
complete -c netreg -n "__fish_netreg_using_subcommand export" -l search -d 'Free text over names, titles, themes and summaries, ignoring case and accents (repeatable)' -r
complete -c netreg -n "__fish_netreg_using_subcommand export" -s q -l quiet -d 'Print no notes or warnings on stderr, only errors'
complete -c netreg -n "__fish_netreg_using_subcommand export" -l bom -d 'Start csv or tsv with a byte-order mark, for spreadsheets that want one to read UTF-8'
complete -c netreg -n "__fish_netreg_using_subcommand export" -l raw -d 'In csv and tsv, write fields exactly as they are, even ones a spreadsheet would run as a formula'
complete -c netreg -n "__fish_netreg_using_subcommand export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c netreg -n "__fish_netreg_using_subcommand import" -l registry -d 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)' -r -F
complete -c netreg -n "__fish_netreg_using_subcommand import" -l format -d 'Output format (default: table on a terminal, plain otherwise; json for export)' -r -f -a "table\t''
plain\t''
tsv\t''
csv\t''
json\t''
ndjson\t''
markdown\t''
toml\t''"
complete -c netreg -n "__fish_netreg_using_subcommand import" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c netreg -n "__fish_netreg_using_subcommand import" -l on-conflict -d 'What to do with a network (or csv partner) that is already there' -r -f -a "fail\t''
skip\t''
replace\t''"
complete -c netreg -n "__fish_netreg_using_subcommand import" -s q -l quiet -d 'Print no notes or warnings on stderr, only errors'
complete -c netreg -n "__fish_netreg_using_subcommand import" -l dry-run -d 'Print the change as a unified diff and write nothing'
complete -c netreg -n "__fish_netreg_using_subcommand import" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c netreg -n "__fish_netreg_using_subcommand completions" -l registry -d 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)' -r -F
complete -c netreg -n "__fish_netreg_using_subcommand completions" -l format -d 'Output format (default: table on a terminal, plain otherwise; json for export)' -r -f -a "table\t''
plain\t''
tsv\t''
csv\t''
json\t''
ndjson\t''
markdown\t''
toml\t''"
complete -c netreg -n "__fish_netreg_using_subcommand completions" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c netreg -n "__fish_netreg_using_subcommand completions" -s q -l quiet -d 'Print no notes or warnings on stderr, only errors'
complete -c netreg -n "__fish_netreg_using_subcommand completions" -s h -l help -d 'Print help'
complete -c netreg -n "__fish_netreg_using_subcommand man" -l registry -d 'Use this registry file (default: $NETREG_REGISTRY, then your data directory, then the built-in one)' -r -F
complete -c netreg -n "__fish_netreg_using_subcommand man" -l format -d 'Output format (default: table on a terminal, plain otherwise; json for export)' -r -f -a "table\t''
plain\t''
tsv\t''
csv\t''
json\t''
ndjson\t''
markdown\t''
toml\t''"
complete -c netreg -n "__fish_netreg_using_subcommand man" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c netreg -n "__fish_netreg_using_subcommand man" -l dir -d 'Write the pages into this directory instead of printing netreg.1' -r -F
complete -c netreg -n "__fish_netreg_using_subcommand man" -s q -l quiet -d 'Print no notes or warnings on stderr, only errors'
complete -c netreg -n "__fish_netreg_using_subcommand man" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c netreg -n "__fish_netreg_using_subcommand help; and not __fish_seen_subcommand_from networks partners milestones timeline stats check path init export import completions man help" -f -a "networks" -d 'List, show, add, edit and remove networks'
complete -c netreg -n "__fish_netreg_using_subcommand help; and not __fish_seen_subcommand_from networks partners milestones timeline stats check path init export import completions man help" -f -a "partners" -d 'List, add, edit and remove partners'
complete -c netreg -n "__fish_netreg_using_subcommand help; and not __fish_seen_subcommand_from networks partners milestones timeline stats check path init export import completions man help" -f -a "milestones" -d 'List, add and remove milestones'
complete -c netreg -n "__fish_netreg_using_subcommand help; and not __fish_seen_subcommand_from networks partners milestones timeline stats check path init export import completions man help" -f -a "timeline" -d 'Show milestones on a timeline'
complete -c netreg -n "__fish_netreg_using_subcommand help; and not __fish_seen_subcommand_from networks partners milestones timeline stats check path init export import completions man help" -f -a "stats" -d 'Count networks and partners per country, programme or year'
complete -c netreg -n "__fish_netreg_using_subcommand help; and not __fish_seen_subcommand_from networks partners milestones timeline stats check path init export import completions man help" -f -a "check" -d 'Validate the registry'
complete -c netreg -n "__fish_netreg_using_subcommand help; and not __fish_seen_subcommand_from networks partners milestones timeline stats check path init export import completions man help" -f -a "path" -d 'Print which registry is in use and why'
complete -c netreg -n "__fish_netreg_using_subcommand help; and not __fish_seen_subcommand_from networks partners milestones timeline stats check path init export import completions man help" -f -a "init" -d 'Create a registry: a copy of the built-in one, or an empty one'
complete -c netreg -n "__fish_netreg_using_subcommand help; and not __fish_seen_subcommand_from networks partners milestones timeline stats check path init export import completions man help" -f -a "export" -d 'Print the registry, or the selected part of it, in one format'
complete -c netreg -n "__fish_netreg_using_subcommand help; and not __fish_seen_subcommand_from networks partners milestones timeline stats check path init export import completions man help" -f -a "import" -d 'Merge networks from a file (json or toml), or partner rows from csv'
complete -c netreg -n "__fish_netreg_using_subcommand help; and not __fish_seen_subcommand_from networks partners milestones timeline stats check path init export import completions man help" -f -a "completions" -d 'Print a shell completion script'
complete -c netreg -n "__fish_netreg_using_subcommand help; and not __fish_seen_subcommand_from networks partners milestones timeline stats check path init export import completions man help" -f -a "man" -d 'Print the man page (roff), or write one for every command'
complete -c netreg -n "__fish_netreg_using_subcommand help; and not __fish_seen_subcommand_from networks partners milestones timeline stats check path init export import completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c netreg -n "__fish_netreg_using_subcommand help; and __fish_seen_subcommand_from networks" -f -a "list" -d 'List networks, one row each'
complete -c netreg -n "__fish_netreg_using_subcommand help; and __fish_seen_subcommand_from networks" -f -a "show" -d 'Show everything about one network'
complete -c netreg -n "__fish_netreg_using_subcommand help; and __fish_seen_subcommand_from networks" -f -a "add" -d 'Add a network'
complete -c netreg -n "__fish_netreg_using_subcommand help; and __fish_seen_subcommand_from networks" -f -a "edit" -d 'Change a network\'s fields'
complete -c netreg -n "__fish_netreg_using_subcommand help; and __fish_seen_subcommand_from networks" -f -a "rename" -d 'Change a network\'s id'
complete -c netreg -n "__fish_netreg_using_subcommand help; and __fish_seen_subcommand_from networks" -f -a "remove" -d 'Remove a network with its partners and milestones'
complete -c netreg -n "__fish_netreg_using_subcommand help; and __fish_seen_subcommand_from partners" -f -a "list" -d 'List partners, one row per network and partner'
complete -c netreg -n "__fish_netreg_using_subcommand help; and __fish_seen_subcommand_from partners" -f -a "add" -d 'Add a partner to a network'
complete -c netreg -n "__fish_netreg_using_subcommand help; and __fish_seen_subcommand_from partners" -f -a "edit" -d 'Change a partner of a network'
complete -c netreg -n "__fish_netreg_using_subcommand help; and __fish_seen_subcommand_from partners" -f -a "remove" -d 'Remove a partner from a network'
complete -c netreg -n "__fish_netreg_using_subcommand help; and __fish_seen_subcommand_from milestones" -f -a "list" -d 'List milestones in date order'
complete -c netreg -n "__fish_netreg_using_subcommand help; and __fish_seen_subcommand_from milestones" -f -a "add" -d 'Add a milestone to a network'
complete -c netreg -n "__fish_netreg_using_subcommand help; and __fish_seen_subcommand_from milestones" -f -a "edit" -d 'Change a milestone\'s date, title or kind'
complete -c netreg -n "__fish_netreg_using_subcommand help; and __fish_seen_subcommand_from milestones" -f -a "remove" -d 'Remove a milestone from a network'
complete -c netreg -n "__fish_netreg_using_subcommand help; and __fish_seen_subcommand_from timeline" -f -a "show" -d 'Show milestones by year, with each network\'s span drawn on a year axis'
