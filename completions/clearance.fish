# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_clearance_global_optspecs
    string join \n repo= format= root= lock-timeout= no-color q/quiet v/verbose wide h/help V/version
end

function __fish_clearance_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_clearance_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_clearance_using_subcommand
    set -l cmd (__fish_clearance_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c clearance -n "__fish_clearance_needs_command" -l repo -d 'The change repository [default: discovered from the current directory]' -r -F
complete -c clearance -n "__fish_clearance_needs_command" -l format -d 'Output format: human tables and text (the default, unless this machine\'s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid' -r -f -a "human\t''
json\t''
dot\t''
mermaid\t''"
complete -c clearance -n "__fish_clearance_needs_command" -l root -d 'The repository\'s root (its genesis hash) to check it against, instead of the pin' -r
complete -c clearance -n "__fish_clearance_needs_command" -l lock-timeout -d 'How long to wait for another clearance process writing the same repository' -r
complete -c clearance -n "__fish_clearance_needs_command" -l no-color -d 'Never use color (also NO_COLOR)'
complete -c clearance -n "__fish_clearance_needs_command" -s q -l quiet -d 'Print only data and errors'
complete -c clearance -n "__fish_clearance_needs_command" -s v -l verbose -d 'Say more: how long the command took'
complete -c clearance -n "__fish_clearance_needs_command" -l wide -d 'Tables show every column in full, however wide the terminal'
complete -c clearance -n "__fish_clearance_needs_command" -s h -l help -d 'Print help'
complete -c clearance -n "__fish_clearance_needs_command" -s V -l version -d 'Print version'
complete -c clearance -n "__fish_clearance_needs_command" -f -a "demo" -d 'Walk through the lifecycle on an embedded example, step by step'
complete -c clearance -n "__fish_clearance_needs_command" -f -a "init" -d 'Create a change repository from the built-in templates'
complete -c clearance -n "__fish_clearance_needs_command" -f -a "new" -d 'Start an intent from a template (restart, scale, rotate a secret, toggle a flag, migrate)'
complete -c clearance -n "__fish_clearance_needs_command" -f -a "propose" -d 'Propose a change: validate an intent and commit it to the change repository'
complete -c clearance -n "__fish_clearance_needs_command" -f -a "list" -d 'List proposals, newest first'
complete -c clearance -n "__fish_clearance_needs_command" -f -a "show" -d 'Show one proposal: its intent, state and evidence'
complete -c clearance -n "__fish_clearance_needs_command" -f -a "wait" -d 'Wait until a proposal is cleared, decided or done'
complete -c clearance -n "__fish_clearance_needs_command" -f -a "mcp" -d 'Serve the agent\'s side of clearance over the Model Context Protocol, on stdio'
complete -c clearance -n "__fish_clearance_needs_command" -f -a "plan" -d 'Run the provider\'s dry run and commit it as plan.json (earlier approvals go stale)'
complete -c clearance -n "__fish_clearance_needs_command" -f -a "approve" -d 'Approve a proposal by signing exactly what you reviewed'
complete -c clearance -n "__fish_clearance_needs_command" -f -a "inbox" -d 'What waits for you: pending proposals your signature would move, most urgent first'
complete -c clearance -n "__fish_clearance_needs_command" -f -a "reject" -d 'Reject a proposal: a signed veto by an eligible approver'
complete -c clearance -n "__fish_clearance_needs_command" -f -a "withdraw" -d 'Take a proposal back (the proposing agent, or an admin)'
complete -c clearance -n "__fish_clearance_needs_command" -f -a "apply" -d 'Execute a cleared change through its provider, exactly once'
complete -c clearance -n "__fish_clearance_needs_command" -f -a "rollback" -d 'File a proposal\'s rollback as a new proposal, governed like any other'
complete -c clearance -n "__fish_clearance_needs_command" -f -a "verify" -d 'Check evidence, signatures, trust, approvals and quorum; exit 5 on any problem'
complete -c clearance -n "__fish_clearance_needs_command" -f -a "checkpoint" -d 'Sign a checkpoint of the branch: its head, evidence count and governance entry'
complete -c clearance -n "__fish_clearance_needs_command" -f -a "stats" -d 'Autonomy metrics per agent: what clears itself, what waits for humans, how long'
complete -c clearance -n "__fish_clearance_needs_command" -f -a "sync" -d 'Exchange commits with the remote: fetch, replay this clone\'s commits on top, push'
complete -c clearance -n "__fish_clearance_needs_command" -f -a "evidence" -d 'Work with a proposal\'s evidence'
complete -c clearance -n "__fish_clearance_needs_command" -f -a "blast" -d 'Show what a change to TARGET would touch: it and everything that depends on it'
complete -c clearance -n "__fish_clearance_needs_command" -f -a "check" -d 'Ask the policy about a proposal or an intent file, without writing anything'
complete -c clearance -n "__fish_clearance_needs_command" -f -a "policy" -d 'Work with the repository\'s policy'
complete -c clearance -n "__fish_clearance_needs_command" -f -a "key" -d 'Create and inspect signing keys (Ed25519, OpenSSH format)'
complete -c clearance -n "__fish_clearance_needs_command" -f -a "trust" -d 'Manage who may act: trust/identities.yaml'
complete -c clearance -n "__fish_clearance_needs_command" -f -a "governance" -d 'Change and inspect the rules: trust, policy, config, providers and the graph'
complete -c clearance -n "__fish_clearance_needs_command" -f -a "doctor" -d 'Check this clone and this machine: governance, pin, keys, remote, providers'
complete -c clearance -n "__fish_clearance_needs_command" -f -a "graph" -d 'Check or import the service graph'
complete -c clearance -n "__fish_clearance_needs_command" -f -a "schema" -d 'Print the JSON Schema of a document clearance reads'
complete -c clearance -n "__fish_clearance_needs_command" -f -a "provider" -d 'Providers built into clearance, run as `clearance provider NAME OPERATION`'
complete -c clearance -n "__fish_clearance_needs_command" -f -a "generate" -d 'Write shell completions or man pages from the command-line model'
complete -c clearance -n "__fish_clearance_needs_command" -f -a "version" -d 'Print the version (as --version)'
complete -c clearance -n "__fish_clearance_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c clearance -n "__fish_clearance_using_subcommand demo" -l repo -d 'The change repository [default: discovered from the current directory]' -r -F
complete -c clearance -n "__fish_clearance_using_subcommand demo" -l format -d 'Output format: human tables and text (the default, unless this machine\'s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid' -r -f -a "human\t''
json\t''
dot\t''
mermaid\t''"
complete -c clearance -n "__fish_clearance_using_subcommand demo" -l root -d 'The repository\'s root (its genesis hash) to check it against, instead of the pin' -r
complete -c clearance -n "__fish_clearance_using_subcommand demo" -l lock-timeout -d 'How long to wait for another clearance process writing the same repository' -r
complete -c clearance -n "__fish_clearance_using_subcommand demo" -l no-color -d 'Never use color (also NO_COLOR)'
complete -c clearance -n "__fish_clearance_using_subcommand demo" -s q -l quiet -d 'Print only data and errors'
complete -c clearance -n "__fish_clearance_using_subcommand demo" -s v -l verbose -d 'Say more: how long the command took'
complete -c clearance -n "__fish_clearance_using_subcommand demo" -l wide -d 'Tables show every column in full, however wide the terminal'
complete -c clearance -n "__fish_clearance_using_subcommand demo" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c clearance -n "__fish_clearance_using_subcommand demo" -s V -l version -d 'Print version'
complete -c clearance -n "__fish_clearance_using_subcommand init" -l admin -d 'The first admin\'s principal name' -r
complete -c clearance -n "__fish_clearance_using_subcommand init" -l admin-threshold -d 'Distinct admin signatures a change to the rules needs (capped at the number of admins)' -r
complete -c clearance -n "__fish_clearance_using_subcommand init" -l key -d 'Sign with the key of this name from the OS keyring' -r
complete -c clearance -n "__fish_clearance_using_subcommand init" -l key-file -d 'Sign with this OpenSSH private key file (mode 0600)' -r -F
complete -c clearance -n "__fish_clearance_using_subcommand init" -l repo -d 'The change repository [default: discovered from the current directory]' -r -F
complete -c clearance -n "__fish_clearance_using_subcommand init" -l format -d 'Output format: human tables and text (the default, unless this machine\'s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid' -r -f -a "human\t''
json\t''
dot\t''
mermaid\t''"
complete -c clearance -n "__fish_clearance_using_subcommand init" -l root -d 'The repository\'s root (its genesis hash) to check it against, instead of the pin' -r
complete -c clearance -n "__fish_clearance_using_subcommand init" -l lock-timeout -d 'How long to wait for another clearance process writing the same repository' -r
complete -c clearance -n "__fish_clearance_using_subcommand init" -l bare -d 'Create a bare repository (no work tree), e.g. for a server'
complete -c clearance -n "__fish_clearance_using_subcommand init" -l no-color -d 'Never use color (also NO_COLOR)'
complete -c clearance -n "__fish_clearance_using_subcommand init" -s q -l quiet -d 'Print only data and errors'
complete -c clearance -n "__fish_clearance_using_subcommand init" -s v -l verbose -d 'Say more: how long the command took'
complete -c clearance -n "__fish_clearance_using_subcommand init" -l wide -d 'Tables show every column in full, however wide the terminal'
complete -c clearance -n "__fish_clearance_using_subcommand init" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c clearance -n "__fish_clearance_using_subcommand init" -s V -l version -d 'Print version'
complete -c clearance -n "__fish_clearance_using_subcommand new" -l set -d 'KEY=VALUE for a placeholder (repeatable)' -r
complete -c clearance -n "__fish_clearance_using_subcommand new" -s o -l output -d 'Write to FILE instead of stdout' -r -F
complete -c clearance -n "__fish_clearance_using_subcommand new" -l repo -d 'The change repository [default: discovered from the current directory]' -r -F
complete -c clearance -n "__fish_clearance_using_subcommand new" -l format -d 'Output format: human tables and text (the default, unless this machine\'s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid' -r -f -a "human\t''
json\t''
dot\t''
mermaid\t''"
complete -c clearance -n "__fish_clearance_using_subcommand new" -l root -d 'The repository\'s root (its genesis hash) to check it against, instead of the pin' -r
complete -c clearance -n "__fish_clearance_using_subcommand new" -l lock-timeout -d 'How long to wait for another clearance process writing the same repository' -r
complete -c clearance -n "__fish_clearance_using_subcommand new" -l list -d 'List the templates'
complete -c clearance -n "__fish_clearance_using_subcommand new" -l no-color -d 'Never use color (also NO_COLOR)'
complete -c clearance -n "__fish_clearance_using_subcommand new" -s q -l quiet -d 'Print only data and errors'
complete -c clearance -n "__fish_clearance_using_subcommand new" -s v -l verbose -d 'Say more: how long the command took'
complete -c clearance -n "__fish_clearance_using_subcommand new" -l wide -d 'Tables show every column in full, however wide the terminal'
complete -c clearance -n "__fish_clearance_using_subcommand new" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c clearance -n "__fish_clearance_using_subcommand new" -s V -l version -d 'Print version'
complete -c clearance -n "__fish_clearance_using_subcommand propose" -s f -l file -d 'The intent file, or `-` for standard input' -r -F
complete -c clearance -n "__fish_clearance_using_subcommand propose" -l key -d 'Sign with the key of this name from the OS keyring' -r
complete -c clearance -n "__fish_clearance_using_subcommand propose" -l key-file -d 'Sign with this OpenSSH private key file (mode 0600)' -r -F
complete -c clearance -n "__fish_clearance_using_subcommand propose" -l repo -d 'The change repository [default: discovered from the current directory]' -r -F
complete -c clearance -n "__fish_clearance_using_subcommand propose" -l format -d 'Output format: human tables and text (the default, unless this machine\'s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid' -r -f -a "human\t''
json\t''
dot\t''
mermaid\t''"
complete -c clearance -n "__fish_clearance_using_subcommand propose" -l root -d 'The repository\'s root (its genesis hash) to check it against, instead of the pin' -r
complete -c clearance -n "__fish_clearance_using_subcommand propose" -l lock-timeout -d 'How long to wait for another clearance process writing the same repository' -r
complete -c clearance -n "__fish_clearance_using_subcommand propose" -l dry-run -d 'Validate and show the outcome without writing (or signing) anything'
complete -c clearance -n "__fish_clearance_using_subcommand propose" -l push -d 'Sync with the remote: push this write (approve, reject, withdraw and plan fetch first, to act on every machine\'s record) [default with `sync: auto`]'
complete -c clearance -n "__fish_clearance_using_subcommand propose" -l no-push -d 'Keep this write local even with `sync: auto` in clearance.yaml (for apply: even when the repository has a remote)'
complete -c clearance -n "__fish_clearance_using_subcommand propose" -l no-color -d 'Never use color (also NO_COLOR)'
complete -c clearance -n "__fish_clearance_using_subcommand propose" -s q -l quiet -d 'Print only data and errors'
complete -c clearance -n "__fish_clearance_using_subcommand propose" -s v -l verbose -d 'Say more: how long the command took'
complete -c clearance -n "__fish_clearance_using_subcommand propose" -l wide -d 'Tables show every column in full, however wide the terminal'
complete -c clearance -n "__fish_clearance_using_subcommand propose" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c clearance -n "__fish_clearance_using_subcommand propose" -s V -l version -d 'Print version'
complete -c clearance -n "__fish_clearance_using_subcommand list" -l state -d 'Only proposals in this state' -r -f -a "denied\t''
pending\t''
approved\t''
rejected\t''
applying\t''
applied\t''
failed\t''
withdrawn\t''"
complete -c clearance -n "__fish_clearance_using_subcommand list" -l agent -d 'Only proposals by this agent' -r
complete -c clearance -n "__fish_clearance_using_subcommand list" -l env -d 'Only proposals for this environment' -r
complete -c clearance -n "__fish_clearance_using_subcommand list" -l target -d 'Only proposals that target this service' -r
complete -c clearance -n "__fish_clearance_using_subcommand list" -s n -l limit -d 'Show at most this many' -r
complete -c clearance -n "__fish_clearance_using_subcommand list" -l repo -d 'The change repository [default: discovered from the current directory]' -r -F
complete -c clearance -n "__fish_clearance_using_subcommand list" -l format -d 'Output format: human tables and text (the default, unless this machine\'s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid' -r -f -a "human\t''
json\t''
dot\t''
mermaid\t''"
complete -c clearance -n "__fish_clearance_using_subcommand list" -l root -d 'The repository\'s root (its genesis hash) to check it against, instead of the pin' -r
complete -c clearance -n "__fish_clearance_using_subcommand list" -l lock-timeout -d 'How long to wait for another clearance process writing the same repository' -r
complete -c clearance -n "__fish_clearance_using_subcommand list" -l strict -d 'Exit 5 when some proposal cannot be read (it is listed as `broken` either way)'
complete -c clearance -n "__fish_clearance_using_subcommand list" -l no-color -d 'Never use color (also NO_COLOR)'
complete -c clearance -n "__fish_clearance_using_subcommand list" -s q -l quiet -d 'Print only data and errors'
complete -c clearance -n "__fish_clearance_using_subcommand list" -s v -l verbose -d 'Say more: how long the command took'
complete -c clearance -n "__fish_clearance_using_subcommand list" -l wide -d 'Tables show every column in full, however wide the terminal'
complete -c clearance -n "__fish_clearance_using_subcommand list" -s h -l help -d 'Print help'
complete -c clearance -n "__fish_clearance_using_subcommand list" -s V -l version -d 'Print version'
complete -c clearance -n "__fish_clearance_using_subcommand show" -l repo -d 'The change repository [default: discovered from the current directory]' -r -F
complete -c clearance -n "__fish_clearance_using_subcommand show" -l format -d 'Output format: human tables and text (the default, unless this machine\'s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid' -r -f -a "human\t''
json\t''
dot\t''
mermaid\t''"
complete -c clearance -n "__fish_clearance_using_subcommand show" -l root -d 'The repository\'s root (its genesis hash) to check it against, instead of the pin' -r
complete -c clearance -n "__fish_clearance_using_subcommand show" -l lock-timeout -d 'How long to wait for another clearance process writing the same repository' -r
complete -c clearance -n "__fish_clearance_using_subcommand show" -l no-color -d 'Never use color (also NO_COLOR)'
complete -c clearance -n "__fish_clearance_using_subcommand show" -s q -l quiet -d 'Print only data and errors'
complete -c clearance -n "__fish_clearance_using_subcommand show" -s v -l verbose -d 'Say more: how long the command took'
complete -c clearance -n "__fish_clearance_using_subcommand show" -l wide -d 'Tables show every column in full, however wide the terminal'
complete -c clearance -n "__fish_clearance_using_subcommand show" -s h -l help -d 'Print help'
complete -c clearance -n "__fish_clearance_using_subcommand show" -s V -l version -d 'Print version'
complete -c clearance -n "__fish_clearance_using_subcommand wait" -l until -d 'What to wait for' -r -f -a "cleared\t'Approved (or already applying or applied): the executor may run it'
decided\t'A decision either way: approved, denied, rejected or withdrawn'
done\t'The end of its life: applied, failed, denied, rejected or withdrawn'"
complete -c clearance -n "__fish_clearance_using_subcommand wait" -l timeout -d 'Give up after this long (`90s`, `30m`, `2h`)' -r
complete -c clearance -n "__fish_clearance_using_subcommand wait" -l remote -d 'Fetch from this remote while waiting [default: the configured remote with `sync: auto`]' -r
complete -c clearance -n "__fish_clearance_using_subcommand wait" -l repo -d 'The change repository [default: discovered from the current directory]' -r -F
complete -c clearance -n "__fish_clearance_using_subcommand wait" -l format -d 'Output format: human tables and text (the default, unless this machine\'s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid' -r -f -a "human\t''
json\t''
dot\t''
mermaid\t''"
complete -c clearance -n "__fish_clearance_using_subcommand wait" -l root -d 'The repository\'s root (its genesis hash) to check it against, instead of the pin' -r
complete -c clearance -n "__fish_clearance_using_subcommand wait" -l lock-timeout -d 'How long to wait for another clearance process writing the same repository' -r
complete -c clearance -n "__fish_clearance_using_subcommand wait" -l no-color -d 'Never use color (also NO_COLOR)'
complete -c clearance -n "__fish_clearance_using_subcommand wait" -s q -l quiet -d 'Print only data and errors'
complete -c clearance -n "__fish_clearance_using_subcommand wait" -s v -l verbose -d 'Say more: how long the command took'
complete -c clearance -n "__fish_clearance_using_subcommand wait" -l wide -d 'Tables show every column in full, however wide the terminal'
complete -c clearance -n "__fish_clearance_using_subcommand wait" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c clearance -n "__fish_clearance_using_subcommand wait" -s V -l version -d 'Print version'
complete -c clearance -n "__fish_clearance_using_subcommand mcp" -l repo -d 'The change repository [default: discovered from the current directory]' -r -F
complete -c clearance -n "__fish_clearance_using_subcommand mcp" -l format -d 'Output format: human tables and text (the default, unless this machine\'s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid' -r -f -a "human\t''
json\t''
dot\t''
mermaid\t''"
complete -c clearance -n "__fish_clearance_using_subcommand mcp" -l root -d 'The repository\'s root (its genesis hash) to check it against, instead of the pin' -r
complete -c clearance -n "__fish_clearance_using_subcommand mcp" -l lock-timeout -d 'How long to wait for another clearance process writing the same repository' -r
complete -c clearance -n "__fish_clearance_using_subcommand mcp" -l no-color -d 'Never use color (also NO_COLOR)'
complete -c clearance -n "__fish_clearance_using_subcommand mcp" -s q -l quiet -d 'Print only data and errors'
complete -c clearance -n "__fish_clearance_using_subcommand mcp" -s v -l verbose -d 'Say more: how long the command took'
complete -c clearance -n "__fish_clearance_using_subcommand mcp" -l wide -d 'Tables show every column in full, however wide the terminal'
complete -c clearance -n "__fish_clearance_using_subcommand mcp" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c clearance -n "__fish_clearance_using_subcommand mcp" -s V -l version -d 'Print version'
complete -c clearance -n "__fish_clearance_using_subcommand plan" -l key -d 'Sign with the key of this name from the OS keyring' -r
complete -c clearance -n "__fish_clearance_using_subcommand plan" -l key-file -d 'Sign with this OpenSSH private key file (mode 0600)' -r -F
complete -c clearance -n "__fish_clearance_using_subcommand plan" -l repo -d 'The change repository [default: discovered from the current directory]' -r -F
complete -c clearance -n "__fish_clearance_using_subcommand plan" -l format -d 'Output format: human tables and text (the default, unless this machine\'s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid' -r -f -a "human\t''
json\t''
dot\t''
mermaid\t''"
complete -c clearance -n "__fish_clearance_using_subcommand plan" -l root -d 'The repository\'s root (its genesis hash) to check it against, instead of the pin' -r
complete -c clearance -n "__fish_clearance_using_subcommand plan" -l lock-timeout -d 'How long to wait for another clearance process writing the same repository' -r
complete -c clearance -n "__fish_clearance_using_subcommand plan" -l push -d 'Sync with the remote: push this write (approve, reject, withdraw and plan fetch first, to act on every machine\'s record) [default with `sync: auto`]'
complete -c clearance -n "__fish_clearance_using_subcommand plan" -l no-push -d 'Keep this write local even with `sync: auto` in clearance.yaml (for apply: even when the repository has a remote)'
complete -c clearance -n "__fish_clearance_using_subcommand plan" -l no-color -d 'Never use color (also NO_COLOR)'
complete -c clearance -n "__fish_clearance_using_subcommand plan" -s q -l quiet -d 'Print only data and errors'
complete -c clearance -n "__fish_clearance_using_subcommand plan" -s v -l verbose -d 'Say more: how long the command took'
complete -c clearance -n "__fish_clearance_using_subcommand plan" -l wide -d 'Tables show every column in full, however wide the terminal'
complete -c clearance -n "__fish_clearance_using_subcommand plan" -s h -l help -d 'Print help'
complete -c clearance -n "__fish_clearance_using_subcommand plan" -s V -l version -d 'Print version'
complete -c clearance -n "__fish_clearance_using_subcommand approve" -l key -d 'Sign with the key of this name from the OS keyring' -r
complete -c clearance -n "__fish_clearance_using_subcommand approve" -l key-file -d 'Sign with this OpenSSH private key file (mode 0600)' -r -F
complete -c clearance -n "__fish_clearance_using_subcommand approve" -s m -l comment -d 'A comment stored with (and signed in) the approval' -r
complete -c clearance -n "__fish_clearance_using_subcommand approve" -l expires -d 'How long it stays valid, e.g. 4h [default: clearance.yaml defaults.approval_expiry]' -r
complete -c clearance -n "__fish_clearance_using_subcommand approve" -l repo -d 'The change repository [default: discovered from the current directory]' -r -F
complete -c clearance -n "__fish_clearance_using_subcommand approve" -l format -d 'Output format: human tables and text (the default, unless this machine\'s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid' -r -f -a "human\t''
json\t''
dot\t''
mermaid\t''"
complete -c clearance -n "__fish_clearance_using_subcommand approve" -l root -d 'The repository\'s root (its genesis hash) to check it against, instead of the pin' -r
complete -c clearance -n "__fish_clearance_using_subcommand approve" -l lock-timeout -d 'How long to wait for another clearance process writing the same repository' -r
complete -c clearance -n "__fish_clearance_using_subcommand approve" -s y -l yes -d 'Do not ask; required without a terminal'
complete -c clearance -n "__fish_clearance_using_subcommand approve" -l anyway -d 'Sign even when the signature would count for nothing: it fills no missing slot (already cleared, vetoed, or needing other groups) or you sponsor the agent'
complete -c clearance -n "__fish_clearance_using_subcommand approve" -l push -d 'Sync with the remote: push this write (approve, reject, withdraw and plan fetch first, to act on every machine\'s record) [default with `sync: auto`]'
complete -c clearance -n "__fish_clearance_using_subcommand approve" -l no-push -d 'Keep this write local even with `sync: auto` in clearance.yaml (for apply: even when the repository has a remote)'
complete -c clearance -n "__fish_clearance_using_subcommand approve" -l no-color -d 'Never use color (also NO_COLOR)'
complete -c clearance -n "__fish_clearance_using_subcommand approve" -s q -l quiet -d 'Print only data and errors'
complete -c clearance -n "__fish_clearance_using_subcommand approve" -s v -l verbose -d 'Say more: how long the command took'
complete -c clearance -n "__fish_clearance_using_subcommand approve" -l wide -d 'Tables show every column in full, however wide the terminal'
complete -c clearance -n "__fish_clearance_using_subcommand approve" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c clearance -n "__fish_clearance_using_subcommand approve" -s V -l version -d 'Print version'
complete -c clearance -n "__fish_clearance_using_subcommand inbox" -l key -d 'Sign with the key of this name from the OS keyring' -r
complete -c clearance -n "__fish_clearance_using_subcommand inbox" -l key-file -d 'Sign with this OpenSSH private key file (mode 0600)' -r -F
complete -c clearance -n "__fish_clearance_using_subcommand inbox" -l repo -d 'The change repository [default: discovered from the current directory]' -r -F
complete -c clearance -n "__fish_clearance_using_subcommand inbox" -l format -d 'Output format: human tables and text (the default, unless this machine\'s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid' -r -f -a "human\t''
json\t''
dot\t''
mermaid\t''"
complete -c clearance -n "__fish_clearance_using_subcommand inbox" -l root -d 'The repository\'s root (its genesis hash) to check it against, instead of the pin' -r
complete -c clearance -n "__fish_clearance_using_subcommand inbox" -l lock-timeout -d 'How long to wait for another clearance process writing the same repository' -r
complete -c clearance -n "__fish_clearance_using_subcommand inbox" -l no-color -d 'Never use color (also NO_COLOR)'
complete -c clearance -n "__fish_clearance_using_subcommand inbox" -s q -l quiet -d 'Print only data and errors'
complete -c clearance -n "__fish_clearance_using_subcommand inbox" -s v -l verbose -d 'Say more: how long the command took'
complete -c clearance -n "__fish_clearance_using_subcommand inbox" -l wide -d 'Tables show every column in full, however wide the terminal'
complete -c clearance -n "__fish_clearance_using_subcommand inbox" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c clearance -n "__fish_clearance_using_subcommand inbox" -s V -l version -d 'Print version'
complete -c clearance -n "__fish_clearance_using_subcommand reject" -l key -d 'Sign with the key of this name from the OS keyring' -r
complete -c clearance -n "__fish_clearance_using_subcommand reject" -l key-file -d 'Sign with this OpenSSH private key file (mode 0600)' -r -F
complete -c clearance -n "__fish_clearance_using_subcommand reject" -s m -l comment -d 'A comment stored with (and signed in) the approval' -r
complete -c clearance -n "__fish_clearance_using_subcommand reject" -l expires -d 'How long it stays valid, e.g. 4h [default: clearance.yaml defaults.approval_expiry]' -r
complete -c clearance -n "__fish_clearance_using_subcommand reject" -l repo -d 'The change repository [default: discovered from the current directory]' -r -F
complete -c clearance -n "__fish_clearance_using_subcommand reject" -l format -d 'Output format: human tables and text (the default, unless this machine\'s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid' -r -f -a "human\t''
json\t''
dot\t''
mermaid\t''"
complete -c clearance -n "__fish_clearance_using_subcommand reject" -l root -d 'The repository\'s root (its genesis hash) to check it against, instead of the pin' -r
complete -c clearance -n "__fish_clearance_using_subcommand reject" -l lock-timeout -d 'How long to wait for another clearance process writing the same repository' -r
complete -c clearance -n "__fish_clearance_using_subcommand reject" -s y -l yes -d 'Do not ask; required without a terminal'
complete -c clearance -n "__fish_clearance_using_subcommand reject" -l anyway -d 'Sign even when the signature would count for nothing: it fills no missing slot (already cleared, vetoed, or needing other groups) or you sponsor the agent'
complete -c clearance -n "__fish_clearance_using_subcommand reject" -l push -d 'Sync with the remote: push this write (approve, reject, withdraw and plan fetch first, to act on every machine\'s record) [default with `sync: auto`]'
complete -c clearance -n "__fish_clearance_using_subcommand reject" -l no-push -d 'Keep this write local even with `sync: auto` in clearance.yaml (for apply: even when the repository has a remote)'
complete -c clearance -n "__fish_clearance_using_subcommand reject" -l no-color -d 'Never use color (also NO_COLOR)'
complete -c clearance -n "__fish_clearance_using_subcommand reject" -s q -l quiet -d 'Print only data and errors'
complete -c clearance -n "__fish_clearance_using_subcommand reject" -s v -l verbose -d 'Say more: how long the command took'
complete -c clearance -n "__fish_clearance_using_subcommand reject" -l wide -d 'Tables show every column in full, however wide the terminal'
complete -c clearance -n "__fish_clearance_using_subcommand reject" -s h -l help -d 'Print help'
complete -c clearance -n "__fish_clearance_using_subcommand reject" -s V -l version -d 'Print version'
complete -c clearance -n "__fish_clearance_using_subcommand withdraw" -s m -l reason -l comment -d 'Why, recorded in evidence (`--comment` as in approve)' -r
complete -c clearance -n "__fish_clearance_using_subcommand withdraw" -l key -d 'Sign with the key of this name from the OS keyring' -r
complete -c clearance -n "__fish_clearance_using_subcommand withdraw" -l key-file -d 'Sign with this OpenSSH private key file (mode 0600)' -r -F
complete -c clearance -n "__fish_clearance_using_subcommand withdraw" -l repo -d 'The change repository [default: discovered from the current directory]' -r -F
complete -c clearance -n "__fish_clearance_using_subcommand withdraw" -l format -d 'Output format: human tables and text (the default, unless this machine\'s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid' -r -f -a "human\t''
json\t''
dot\t''
mermaid\t''"
complete -c clearance -n "__fish_clearance_using_subcommand withdraw" -l root -d 'The repository\'s root (its genesis hash) to check it against, instead of the pin' -r
complete -c clearance -n "__fish_clearance_using_subcommand withdraw" -l lock-timeout -d 'How long to wait for another clearance process writing the same repository' -r
complete -c clearance -n "__fish_clearance_using_subcommand withdraw" -l push -d 'Sync with the remote: push this write (approve, reject, withdraw and plan fetch first, to act on every machine\'s record) [default with `sync: auto`]'
complete -c clearance -n "__fish_clearance_using_subcommand withdraw" -l no-push -d 'Keep this write local even with `sync: auto` in clearance.yaml (for apply: even when the repository has a remote)'
complete -c clearance -n "__fish_clearance_using_subcommand withdraw" -l no-color -d 'Never use color (also NO_COLOR)'
complete -c clearance -n "__fish_clearance_using_subcommand withdraw" -s q -l quiet -d 'Print only data and errors'
complete -c clearance -n "__fish_clearance_using_subcommand withdraw" -s v -l verbose -d 'Say more: how long the command took'
complete -c clearance -n "__fish_clearance_using_subcommand withdraw" -l wide -d 'Tables show every column in full, however wide the terminal'
complete -c clearance -n "__fish_clearance_using_subcommand withdraw" -s h -l help -d 'Print help'
complete -c clearance -n "__fish_clearance_using_subcommand withdraw" -s V -l version -d 'Print version'
complete -c clearance -n "__fish_clearance_using_subcommand apply" -l key -d 'Sign with the key of this name from the OS keyring' -r
complete -c clearance -n "__fish_clearance_using_subcommand apply" -l key-file -d 'Sign with this OpenSSH private key file (mode 0600)' -r -F
complete -c clearance -n "__fish_clearance_using_subcommand apply" -l repo -d 'The change repository [default: discovered from the current directory]' -r -F
complete -c clearance -n "__fish_clearance_using_subcommand apply" -l format -d 'Output format: human tables and text (the default, unless this machine\'s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid' -r -f -a "human\t''
json\t''
dot\t''
mermaid\t''"
complete -c clearance -n "__fish_clearance_using_subcommand apply" -l root -d 'The repository\'s root (its genesis hash) to check it against, instead of the pin' -r
complete -c clearance -n "__fish_clearance_using_subcommand apply" -l lock-timeout -d 'How long to wait for another clearance process writing the same repository' -r
complete -c clearance -n "__fish_clearance_using_subcommand apply" -l resume -d 'Re-run a change whose earlier run crashed after `apply-started`'
complete -c clearance -n "__fish_clearance_using_subcommand apply" -l push -d 'Sync with the remote: push this write (approve, reject, withdraw and plan fetch first, to act on every machine\'s record) [default with `sync: auto`]'
complete -c clearance -n "__fish_clearance_using_subcommand apply" -l no-push -d 'Keep this write local even with `sync: auto` in clearance.yaml (for apply: even when the repository has a remote)'
complete -c clearance -n "__fish_clearance_using_subcommand apply" -l no-color -d 'Never use color (also NO_COLOR)'
complete -c clearance -n "__fish_clearance_using_subcommand apply" -s q -l quiet -d 'Print only data and errors'
complete -c clearance -n "__fish_clearance_using_subcommand apply" -s v -l verbose -d 'Say more: how long the command took'
complete -c clearance -n "__fish_clearance_using_subcommand apply" -l wide -d 'Tables show every column in full, however wide the terminal'
complete -c clearance -n "__fish_clearance_using_subcommand apply" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c clearance -n "__fish_clearance_using_subcommand apply" -s V -l version -d 'Print version'
complete -c clearance -n "__fish_clearance_using_subcommand rollback" -l key -d 'Sign with the key of this name from the OS keyring' -r
complete -c clearance -n "__fish_clearance_using_subcommand rollback" -l key-file -d 'Sign with this OpenSSH private key file (mode 0600)' -r -F
complete -c clearance -n "__fish_clearance_using_subcommand rollback" -l repo -d 'The change repository [default: discovered from the current directory]' -r -F
complete -c clearance -n "__fish_clearance_using_subcommand rollback" -l format -d 'Output format: human tables and text (the default, unless this machine\'s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid' -r -f -a "human\t''
json\t''
dot\t''
mermaid\t''"
complete -c clearance -n "__fish_clearance_using_subcommand rollback" -l root -d 'The repository\'s root (its genesis hash) to check it against, instead of the pin' -r
complete -c clearance -n "__fish_clearance_using_subcommand rollback" -l lock-timeout -d 'How long to wait for another clearance process writing the same repository' -r
complete -c clearance -n "__fish_clearance_using_subcommand rollback" -l push -d 'Sync with the remote: push this write (approve, reject, withdraw and plan fetch first, to act on every machine\'s record) [default with `sync: auto`]'
complete -c clearance -n "__fish_clearance_using_subcommand rollback" -l no-push -d 'Keep this write local even with `sync: auto` in clearance.yaml (for apply: even when the repository has a remote)'
complete -c clearance -n "__fish_clearance_using_subcommand rollback" -l no-color -d 'Never use color (also NO_COLOR)'
complete -c clearance -n "__fish_clearance_using_subcommand rollback" -s q -l quiet -d 'Print only data and errors'
complete -c clearance -n "__fish_clearance_using_subcommand rollback" -s v -l verbose -d 'Say more: how long the command took'
complete -c clearance -n "__fish_clearance_using_subcommand rollback" -l wide -d 'Tables show every column in full, however wide the terminal'
complete -c clearance -n "__fish_clearance_using_subcommand rollback" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c clearance -n "__fish_clearance_using_subcommand rollback" -s V -l version -d 'Print version'
complete -c clearance -n "__fish_clearance_using_subcommand verify" -l bundle -d 'Verify an exported bundle instead of the repository' -r -F
complete -c clearance -n "__fish_clearance_using_subcommand verify" -l checkpoint -d 'Also prove the history extends this checkpoint (from `clearance checkpoint`, kept elsewhere)' -r -F
complete -c clearance -n "__fish_clearance_using_subcommand verify" -l repo -d 'The change repository [default: discovered from the current directory]' -r -F
complete -c clearance -n "__fish_clearance_using_subcommand verify" -l format -d 'Output format: human tables and text (the default, unless this machine\'s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid' -r -f -a "human\t''
json\t''
dot\t''
mermaid\t''"
complete -c clearance -n "__fish_clearance_using_subcommand verify" -l root -d 'The repository\'s root (its genesis hash) to check it against, instead of the pin' -r
complete -c clearance -n "__fish_clearance_using_subcommand verify" -l lock-timeout -d 'How long to wait for another clearance process writing the same repository' -r
complete -c clearance -n "__fish_clearance_using_subcommand verify" -l no-color -d 'Never use color (also NO_COLOR)'
complete -c clearance -n "__fish_clearance_using_subcommand verify" -s q -l quiet -d 'Print only data and errors'
complete -c clearance -n "__fish_clearance_using_subcommand verify" -s v -l verbose -d 'Say more: how long the command took'
complete -c clearance -n "__fish_clearance_using_subcommand verify" -l wide -d 'Tables show every column in full, however wide the terminal'
complete -c clearance -n "__fish_clearance_using_subcommand verify" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c clearance -n "__fish_clearance_using_subcommand verify" -s V -l version -d 'Print version'
complete -c clearance -n "__fish_clearance_using_subcommand checkpoint" -l key -d 'Sign with the key of this name from the OS keyring' -r
complete -c clearance -n "__fish_clearance_using_subcommand checkpoint" -l key-file -d 'Sign with this OpenSSH private key file (mode 0600)' -r -F
complete -c clearance -n "__fish_clearance_using_subcommand checkpoint" -l repo -d 'The change repository [default: discovered from the current directory]' -r -F
complete -c clearance -n "__fish_clearance_using_subcommand checkpoint" -l format -d 'Output format: human tables and text (the default, unless this machine\'s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid' -r -f -a "human\t''
json\t''
dot\t''
mermaid\t''"
complete -c clearance -n "__fish_clearance_using_subcommand checkpoint" -l root -d 'The repository\'s root (its genesis hash) to check it against, instead of the pin' -r
complete -c clearance -n "__fish_clearance_using_subcommand checkpoint" -l lock-timeout -d 'How long to wait for another clearance process writing the same repository' -r
complete -c clearance -n "__fish_clearance_using_subcommand checkpoint" -l push -d 'Sync with the remote: push this write (approve, reject, withdraw and plan fetch first, to act on every machine\'s record) [default with `sync: auto`]'
complete -c clearance -n "__fish_clearance_using_subcommand checkpoint" -l no-push -d 'Keep this write local even with `sync: auto` in clearance.yaml (for apply: even when the repository has a remote)'
complete -c clearance -n "__fish_clearance_using_subcommand checkpoint" -l no-color -d 'Never use color (also NO_COLOR)'
complete -c clearance -n "__fish_clearance_using_subcommand checkpoint" -s q -l quiet -d 'Print only data and errors'
complete -c clearance -n "__fish_clearance_using_subcommand checkpoint" -s v -l verbose -d 'Say more: how long the command took'
complete -c clearance -n "__fish_clearance_using_subcommand checkpoint" -l wide -d 'Tables show every column in full, however wide the terminal'
complete -c clearance -n "__fish_clearance_using_subcommand checkpoint" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c clearance -n "__fish_clearance_using_subcommand checkpoint" -s V -l version -d 'Print version'
complete -c clearance -n "__fish_clearance_using_subcommand stats" -l since -d 'Only proposals from this long ago until now, e.g. 24h, 7d' -r
complete -c clearance -n "__fish_clearance_using_subcommand stats" -l agent -d 'Only this agent' -r
complete -c clearance -n "__fish_clearance_using_subcommand stats" -l repo -d 'The change repository [default: discovered from the current directory]' -r -F
complete -c clearance -n "__fish_clearance_using_subcommand stats" -l format -d 'Output format: human tables and text (the default, unless this machine\'s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid' -r -f -a "human\t''
json\t''
dot\t''
mermaid\t''"
complete -c clearance -n "__fish_clearance_using_subcommand stats" -l root -d 'The repository\'s root (its genesis hash) to check it against, instead of the pin' -r
complete -c clearance -n "__fish_clearance_using_subcommand stats" -l lock-timeout -d 'How long to wait for another clearance process writing the same repository' -r
complete -c clearance -n "__fish_clearance_using_subcommand stats" -l no-color -d 'Never use color (also NO_COLOR)'
complete -c clearance -n "__fish_clearance_using_subcommand stats" -s q -l quiet -d 'Print only data and errors'
complete -c clearance -n "__fish_clearance_using_subcommand stats" -s v -l verbose -d 'Say more: how long the command took'
complete -c clearance -n "__fish_clearance_using_subcommand stats" -l wide -d 'Tables show every column in full, however wide the terminal'
complete -c clearance -n "__fish_clearance_using_subcommand stats" -s h -l help -d 'Print help'
complete -c clearance -n "__fish_clearance_using_subcommand stats" -s V -l version -d 'Print version'
complete -c clearance -n "__fish_clearance_using_subcommand sync" -l remote -d 'The git remote [default: `remote:` in clearance.yaml, or origin]' -r
complete -c clearance -n "__fish_clearance_using_subcommand sync" -l key -d 'Sign with the key of this name from the OS keyring' -r
complete -c clearance -n "__fish_clearance_using_subcommand sync" -l key-file -d 'Sign with this OpenSSH private key file (mode 0600)' -r -F
complete -c clearance -n "__fish_clearance_using_subcommand sync" -l repo -d 'The change repository [default: discovered from the current directory]' -r -F
complete -c clearance -n "__fish_clearance_using_subcommand sync" -l format -d 'Output format: human tables and text (the default, unless this machine\'s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid' -r -f -a "human\t''
json\t''
dot\t''
mermaid\t''"
complete -c clearance -n "__fish_clearance_using_subcommand sync" -l root -d 'The repository\'s root (its genesis hash) to check it against, instead of the pin' -r
complete -c clearance -n "__fish_clearance_using_subcommand sync" -l lock-timeout -d 'How long to wait for another clearance process writing the same repository' -r
complete -c clearance -n "__fish_clearance_using_subcommand sync" -l accept-rewrite -d 'Accept that the remote\'s history was rewritten (an admin\'s key; recorded in a signed checkpoint)'
complete -c clearance -n "__fish_clearance_using_subcommand sync" -l no-color -d 'Never use color (also NO_COLOR)'
complete -c clearance -n "__fish_clearance_using_subcommand sync" -s q -l quiet -d 'Print only data and errors'
complete -c clearance -n "__fish_clearance_using_subcommand sync" -s v -l verbose -d 'Say more: how long the command took'
complete -c clearance -n "__fish_clearance_using_subcommand sync" -l wide -d 'Tables show every column in full, however wide the terminal'
complete -c clearance -n "__fish_clearance_using_subcommand sync" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c clearance -n "__fish_clearance_using_subcommand sync" -s V -l version -d 'Print version'
complete -c clearance -n "__fish_clearance_using_subcommand evidence; and not __fish_seen_subcommand_from export help" -l repo -d 'The change repository [default: discovered from the current directory]' -r -F
complete -c clearance -n "__fish_clearance_using_subcommand evidence; and not __fish_seen_subcommand_from export help" -l format -d 'Output format: human tables and text (the default, unless this machine\'s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid' -r -f -a "human\t''
json\t''
dot\t''
mermaid\t''"
complete -c clearance -n "__fish_clearance_using_subcommand evidence; and not __fish_seen_subcommand_from export help" -l root -d 'The repository\'s root (its genesis hash) to check it against, instead of the pin' -r
complete -c clearance -n "__fish_clearance_using_subcommand evidence; and not __fish_seen_subcommand_from export help" -l lock-timeout -d 'How long to wait for another clearance process writing the same repository' -r
complete -c clearance -n "__fish_clearance_using_subcommand evidence; and not __fish_seen_subcommand_from export help" -l no-color -d 'Never use color (also NO_COLOR)'
complete -c clearance -n "__fish_clearance_using_subcommand evidence; and not __fish_seen_subcommand_from export help" -s q -l quiet -d 'Print only data and errors'
complete -c clearance -n "__fish_clearance_using_subcommand evidence; and not __fish_seen_subcommand_from export help" -s v -l verbose -d 'Say more: how long the command took'
complete -c clearance -n "__fish_clearance_using_subcommand evidence; and not __fish_seen_subcommand_from export help" -l wide -d 'Tables show every column in full, however wide the terminal'
complete -c clearance -n "__fish_clearance_using_subcommand evidence; and not __fish_seen_subcommand_from export help" -s h -l help -d 'Print help'
complete -c clearance -n "__fish_clearance_using_subcommand evidence; and not __fish_seen_subcommand_from export help" -s V -l version -d 'Print version'
complete -c clearance -n "__fish_clearance_using_subcommand evidence; and not __fish_seen_subcommand_from export help" -f -a "export" -d 'Write one self-contained bundle (intent, plan, approvals, evidence, public keys, decision) that `clearance verify --bundle` checks with no repository at all'
complete -c clearance -n "__fish_clearance_using_subcommand evidence; and not __fish_seen_subcommand_from export help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c clearance -n "__fish_clearance_using_subcommand evidence; and __fish_seen_subcommand_from export" -s o -l output -d 'Write here instead of stdout' -r -F
complete -c clearance -n "__fish_clearance_using_subcommand evidence; and __fish_seen_subcommand_from export" -l repo -d 'The change repository [default: discovered from the current directory]' -r -F
complete -c clearance -n "__fish_clearance_using_subcommand evidence; and __fish_seen_subcommand_from export" -l format -d 'Output format: human tables and text (the default, unless this machine\'s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid' -r -f -a "human\t''
json\t''
dot\t''
mermaid\t''"
complete -c clearance -n "__fish_clearance_using_subcommand evidence; and __fish_seen_subcommand_from export" -l root -d 'The repository\'s root (its genesis hash) to check it against, instead of the pin' -r
complete -c clearance -n "__fish_clearance_using_subcommand evidence; and __fish_seen_subcommand_from export" -l lock-timeout -d 'How long to wait for another clearance process writing the same repository' -r
complete -c clearance -n "__fish_clearance_using_subcommand evidence; and __fish_seen_subcommand_from export" -l no-color -d 'Never use color (also NO_COLOR)'
complete -c clearance -n "__fish_clearance_using_subcommand evidence; and __fish_seen_subcommand_from export" -s q -l quiet -d 'Print only data and errors'
complete -c clearance -n "__fish_clearance_using_subcommand evidence; and __fish_seen_subcommand_from export" -s v -l verbose -d 'Say more: how long the command took'
complete -c clearance -n "__fish_clearance_using_subcommand evidence; and __fish_seen_subcommand_from export" -l wide -d 'Tables show every column in full, however wide the terminal'
complete -c clearance -n "__fish_clearance_using_subcommand evidence; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help'
complete -c clearance -n "__fish_clearance_using_subcommand evidence; and __fish_seen_subcommand_from export" -s V -l version -d 'Print version'
complete -c clearance -n "__fish_clearance_using_subcommand evidence; and __fish_seen_subcommand_from help" -f -a "export" -d 'Write one self-contained bundle (intent, plan, approvals, evidence, public keys, decision) that `clearance verify --bundle` checks with no repository at all'
complete -c clearance -n "__fish_clearance_using_subcommand evidence; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c clearance -n "__fish_clearance_using_subcommand blast" -l env -d 'The environment the change is for (recorded in the output)' -r
complete -c clearance -n "__fish_clearance_using_subcommand blast" -l depth -d 'Stop after this many hops from the targets' -r
complete -c clearance -n "__fish_clearance_using_subcommand blast" -s n -l limit -d 'Show the N most critical services (tier, then depth) [default: what fits the terminal\'s height, or 50]' -r
complete -c clearance -n "__fish_clearance_using_subcommand blast" -l repo -d 'The change repository [default: discovered from the current directory]' -r -F
complete -c clearance -n "__fish_clearance_using_subcommand blast" -l format -d 'Output format: human tables and text (the default, unless this machine\'s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid' -r -f -a "human\t''
json\t''
dot\t''
mermaid\t''"
complete -c clearance -n "__fish_clearance_using_subcommand blast" -l root -d 'The repository\'s root (its genesis hash) to check it against, instead of the pin' -r
complete -c clearance -n "__fish_clearance_using_subcommand blast" -l lock-timeout -d 'How long to wait for another clearance process writing the same repository' -r
complete -c clearance -n "__fish_clearance_using_subcommand blast" -l all -d 'Show every impacted service'
complete -c clearance -n "__fish_clearance_using_subcommand blast" -l no-color -d 'Never use color (also NO_COLOR)'
complete -c clearance -n "__fish_clearance_using_subcommand blast" -s q -l quiet -d 'Print only data and errors'
complete -c clearance -n "__fish_clearance_using_subcommand blast" -s v -l verbose -d 'Say more: how long the command took'
complete -c clearance -n "__fish_clearance_using_subcommand blast" -l wide -d 'Tables show every column in full, however wide the terminal'
complete -c clearance -n "__fish_clearance_using_subcommand blast" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c clearance -n "__fish_clearance_using_subcommand blast" -s V -l version -d 'Print version'
complete -c clearance -n "__fish_clearance_using_subcommand check" -s f -l file -d 'An intent file, or `-` for standard input' -r -F
complete -c clearance -n "__fish_clearance_using_subcommand check" -l rules -d 'Which rules decide: those in force, or the work tree\'s (to try edits before signing them)' -r -f -a "in-force\t''
worktree\t''"
complete -c clearance -n "__fish_clearance_using_subcommand check" -l repo -d 'The change repository [default: discovered from the current directory]' -r -F
complete -c clearance -n "__fish_clearance_using_subcommand check" -l format -d 'Output format: human tables and text (the default, unless this machine\'s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid' -r -f -a "human\t''
json\t''
dot\t''
mermaid\t''"
complete -c clearance -n "__fish_clearance_using_subcommand check" -l root -d 'The repository\'s root (its genesis hash) to check it against, instead of the pin' -r
complete -c clearance -n "__fish_clearance_using_subcommand check" -l lock-timeout -d 'How long to wait for another clearance process writing the same repository' -r
complete -c clearance -n "__fish_clearance_using_subcommand check" -l no-color -d 'Never use color (also NO_COLOR)'
complete -c clearance -n "__fish_clearance_using_subcommand check" -s q -l quiet -d 'Print only data and errors'
complete -c clearance -n "__fish_clearance_using_subcommand check" -s v -l verbose -d 'Say more: how long the command took'
complete -c clearance -n "__fish_clearance_using_subcommand check" -l wide -d 'Tables show every column in full, however wide the terminal'
complete -c clearance -n "__fish_clearance_using_subcommand check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c clearance -n "__fish_clearance_using_subcommand check" -s V -l version -d 'Print version'
complete -c clearance -n "__fish_clearance_using_subcommand policy; and not __fish_seen_subcommand_from test help" -l repo -d 'The change repository [default: discovered from the current directory]' -r -F
complete -c clearance -n "__fish_clearance_using_subcommand policy; and not __fish_seen_subcommand_from test help" -l format -d 'Output format: human tables and text (the default, unless this machine\'s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid' -r -f -a "human\t''
json\t''
dot\t''
mermaid\t''"
complete -c clearance -n "__fish_clearance_using_subcommand policy; and not __fish_seen_subcommand_from test help" -l root -d 'The repository\'s root (its genesis hash) to check it against, instead of the pin' -r
complete -c clearance -n "__fish_clearance_using_subcommand policy; and not __fish_seen_subcommand_from test help" -l lock-timeout -d 'How long to wait for another clearance process writing the same repository' -r
complete -c clearance -n "__fish_clearance_using_subcommand policy; and not __fish_seen_subcommand_from test help" -l no-color -d 'Never use color (also NO_COLOR)'
complete -c clearance -n "__fish_clearance_using_subcommand policy; and not __fish_seen_subcommand_from test help" -s q -l quiet -d 'Print only data and errors'
complete -c clearance -n "__fish_clearance_using_subcommand policy; and not __fish_seen_subcommand_from test help" -s v -l verbose -d 'Say more: how long the command took'
complete -c clearance -n "__fish_clearance_using_subcommand policy; and not __fish_seen_subcommand_from test help" -l wide -d 'Tables show every column in full, however wide the terminal'
complete -c clearance -n "__fish_clearance_using_subcommand policy; and not __fish_seen_subcommand_from test help" -s h -l help -d 'Print help'
complete -c clearance -n "__fish_clearance_using_subcommand policy; and not __fish_seen_subcommand_from test help" -s V -l version -d 'Print version'
complete -c clearance -n "__fish_clearance_using_subcommand policy; and not __fish_seen_subcommand_from test help" -f -a "test" -d 'Run every `test_*` rule in policies/*_test.rego of the work tree (the branch\'s in a bare repository): the rules being written, which are not in force until signed'
complete -c clearance -n "__fish_clearance_using_subcommand policy; and not __fish_seen_subcommand_from test help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c clearance -n "__fish_clearance_using_subcommand policy; and __fish_seen_subcommand_from test" -l repo -d 'The change repository [default: discovered from the current directory]' -r -F
complete -c clearance -n "__fish_clearance_using_subcommand policy; and __fish_seen_subcommand_from test" -l format -d 'Output format: human tables and text (the default, unless this machine\'s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid' -r -f -a "human\t''
json\t''
dot\t''
mermaid\t''"
complete -c clearance -n "__fish_clearance_using_subcommand policy; and __fish_seen_subcommand_from test" -l root -d 'The repository\'s root (its genesis hash) to check it against, instead of the pin' -r
complete -c clearance -n "__fish_clearance_using_subcommand policy; and __fish_seen_subcommand_from test" -l lock-timeout -d 'How long to wait for another clearance process writing the same repository' -r
complete -c clearance -n "__fish_clearance_using_subcommand policy; and __fish_seen_subcommand_from test" -l no-color -d 'Never use color (also NO_COLOR)'
complete -c clearance -n "__fish_clearance_using_subcommand policy; and __fish_seen_subcommand_from test" -s q -l quiet -d 'Print only data and errors'
complete -c clearance -n "__fish_clearance_using_subcommand policy; and __fish_seen_subcommand_from test" -s v -l verbose -d 'Say more: how long the command took'
complete -c clearance -n "__fish_clearance_using_subcommand policy; and __fish_seen_subcommand_from test" -l wide -d 'Tables show every column in full, however wide the terminal'
complete -c clearance -n "__fish_clearance_using_subcommand policy; and __fish_seen_subcommand_from test" -s h -l help -d 'Print help'
complete -c clearance -n "__fish_clearance_using_subcommand policy; and __fish_seen_subcommand_from test" -s V -l version -d 'Print version'
complete -c clearance -n "__fish_clearance_using_subcommand policy; and __fish_seen_subcommand_from help" -f -a "test" -d 'Run every `test_*` rule in policies/*_test.rego of the work tree (the branch\'s in a bare repository): the rules being written, which are not in force until signed'
complete -c clearance -n "__fish_clearance_using_subcommand policy; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c clearance -n "__fish_clearance_using_subcommand key; and not __fish_seen_subcommand_from new list show export help" -l repo -d 'The change repository [default: discovered from the current directory]' -r -F
complete -c clearance -n "__fish_clearance_using_subcommand key; and not __fish_seen_subcommand_from new list show export help" -l format -d 'Output format: human tables and text (the default, unless this machine\'s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid' -r -f -a "human\t''
json\t''
dot\t''
mermaid\t''"
complete -c clearance -n "__fish_clearance_using_subcommand key; and not __fish_seen_subcommand_from new list show export help" -l root -d 'The repository\'s root (its genesis hash) to check it against, instead of the pin' -r
complete -c clearance -n "__fish_clearance_using_subcommand key; and not __fish_seen_subcommand_from new list show export help" -l lock-timeout -d 'How long to wait for another clearance process writing the same repository' -r
complete -c clearance -n "__fish_clearance_using_subcommand key; and not __fish_seen_subcommand_from new list show export help" -l no-color -d 'Never use color (also NO_COLOR)'
complete -c clearance -n "__fish_clearance_using_subcommand key; and not __fish_seen_subcommand_from new list show export help" -s q -l quiet -d 'Print only data and errors'
complete -c clearance -n "__fish_clearance_using_subcommand key; and not __fish_seen_subcommand_from new list show export help" -s v -l verbose -d 'Say more: how long the command took'
complete -c clearance -n "__fish_clearance_using_subcommand key; and not __fish_seen_subcommand_from new list show export help" -l wide -d 'Tables show every column in full, however wide the terminal'
complete -c clearance -n "__fish_clearance_using_subcommand key; and not __fish_seen_subcommand_from new list show export help" -s h -l help -d 'Print help'
complete -c clearance -n "__fish_clearance_using_subcommand key; and not __fish_seen_subcommand_from new list show export help" -s V -l version -d 'Print version'
complete -c clearance -n "__fish_clearance_using_subcommand key; and not __fish_seen_subcommand_from new list show export help" -f -a "new" -d 'Create a key: in the OS keyring, or with --file as an OpenSSH key file (0600) + .pub'
complete -c clearance -n "__fish_clearance_using_subcommand key; and not __fish_seen_subcommand_from new list show export help" -f -a "list" -d 'List the keys this machine created (in its keyring, or as files)'
complete -c clearance -n "__fish_clearance_using_subcommand key; and not __fish_seen_subcommand_from new list show export help" -f -a "show" -d 'Show a key\'s public half and fingerprint (from the keyring, or --file)'
complete -c clearance -n "__fish_clearance_using_subcommand key; and not __fish_seen_subcommand_from new list show export help" -f -a "export" -d 'Print a key\'s public half in OpenSSH format'
complete -c clearance -n "__fish_clearance_using_subcommand key; and not __fish_seen_subcommand_from new list show export help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c clearance -n "__fish_clearance_using_subcommand key; and __fish_seen_subcommand_from new" -l file -d 'Write an OpenSSH private key file (and FILE.pub) instead of using the keyring' -r -F
complete -c clearance -n "__fish_clearance_using_subcommand key; and __fish_seen_subcommand_from new" -l repo -d 'The change repository [default: discovered from the current directory]' -r -F
complete -c clearance -n "__fish_clearance_using_subcommand key; and __fish_seen_subcommand_from new" -l format -d 'Output format: human tables and text (the default, unless this machine\'s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid' -r -f -a "human\t''
json\t''
dot\t''
mermaid\t''"
complete -c clearance -n "__fish_clearance_using_subcommand key; and __fish_seen_subcommand_from new" -l root -d 'The repository\'s root (its genesis hash) to check it against, instead of the pin' -r
complete -c clearance -n "__fish_clearance_using_subcommand key; and __fish_seen_subcommand_from new" -l lock-timeout -d 'How long to wait for another clearance process writing the same repository' -r
complete -c clearance -n "__fish_clearance_using_subcommand key; and __fish_seen_subcommand_from new" -l force -d 'Replace an existing key of that name'
complete -c clearance -n "__fish_clearance_using_subcommand key; and __fish_seen_subcommand_from new" -l no-color -d 'Never use color (also NO_COLOR)'
complete -c clearance -n "__fish_clearance_using_subcommand key; and __fish_seen_subcommand_from new" -s q -l quiet -d 'Print only data and errors'
complete -c clearance -n "__fish_clearance_using_subcommand key; and __fish_seen_subcommand_from new" -s v -l verbose -d 'Say more: how long the command took'
complete -c clearance -n "__fish_clearance_using_subcommand key; and __fish_seen_subcommand_from new" -l wide -d 'Tables show every column in full, however wide the terminal'
complete -c clearance -n "__fish_clearance_using_subcommand key; and __fish_seen_subcommand_from new" -s h -l help -d 'Print help'
complete -c clearance -n "__fish_clearance_using_subcommand key; and __fish_seen_subcommand_from new" -s V -l version -d 'Print version'
complete -c clearance -n "__fish_clearance_using_subcommand key; and __fish_seen_subcommand_from list" -l repo -d 'The change repository [default: discovered from the current directory]' -r -F
complete -c clearance -n "__fish_clearance_using_subcommand key; and __fish_seen_subcommand_from list" -l format -d 'Output format: human tables and text (the default, unless this machine\'s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid' -r -f -a "human\t''
json\t''
dot\t''
mermaid\t''"
complete -c clearance -n "__fish_clearance_using_subcommand key; and __fish_seen_subcommand_from list" -l root -d 'The repository\'s root (its genesis hash) to check it against, instead of the pin' -r
complete -c clearance -n "__fish_clearance_using_subcommand key; and __fish_seen_subcommand_from list" -l lock-timeout -d 'How long to wait for another clearance process writing the same repository' -r
complete -c clearance -n "__fish_clearance_using_subcommand key; and __fish_seen_subcommand_from list" -l no-color -d 'Never use color (also NO_COLOR)'
complete -c clearance -n "__fish_clearance_using_subcommand key; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only data and errors'
complete -c clearance -n "__fish_clearance_using_subcommand key; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Say more: how long the command took'
complete -c clearance -n "__fish_clearance_using_subcommand key; and __fish_seen_subcommand_from list" -l wide -d 'Tables show every column in full, however wide the terminal'
complete -c clearance -n "__fish_clearance_using_subcommand key; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c clearance -n "__fish_clearance_using_subcommand key; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c clearance -n "__fish_clearance_using_subcommand key; and __fish_seen_subcommand_from show" -l file -r -F
complete -c clearance -n "__fish_clearance_using_subcommand key; and __fish_seen_subcommand_from show" -l repo -d 'The change repository [default: discovered from the current directory]' -r -F
complete -c clearance -n "__fish_clearance_using_subcommand key; and __fish_seen_subcommand_from show" -l format -d 'Output format: human tables and text (the default, unless this machine\'s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid' -r -f -a "human\t''
json\t''
dot\t''
mermaid\t''"
complete -c clearance -n "__fish_clearance_using_subcommand key; and __fish_seen_subcommand_from show" -l root -d 'The repository\'s root (its genesis hash) to check it against, instead of the pin' -r
complete -c clearance -n "__fish_clearance_using_subcommand key; and __fish_seen_subcommand_from show" -l lock-timeout -d 'How long to wait for another clearance process writing the same repository' -r
complete -c clearance -n "__fish_clearance_using_subcommand key; and __fish_seen_subcommand_from show" -l no-color -d 'Never use color (also NO_COLOR)'
complete -c clearance -n "__fish_clearance_using_subcommand key; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only data and errors'
complete -c clearance -n "__fish_clearance_using_subcommand key; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Say more: how long the command took'
complete -c clearance -n "__fish_clearance_using_subcommand key; and __fish_seen_subcommand_from show" -l wide -d 'Tables show every column in full, however wide the terminal'
complete -c clearance -n "__fish_clearance_using_subcommand key; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c clearance -n "__fish_clearance_using_subcommand key; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c clearance -n "__fish_clearance_using_subcommand key; and __fish_seen_subcommand_from export" -l file -r -F
complete -c clearance -n "__fish_clearance_using_subcommand key; and __fish_seen_subcommand_from export" -l repo -d 'The change repository [default: discovered from the current directory]' -r -F
complete -c clearance -n "__fish_clearance_using_subcommand key; and __fish_seen_subcommand_from export" -l format -d 'Output format: human tables and text (the default, unless this machine\'s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid' -r -f -a "human\t''
json\t''
dot\t''
mermaid\t''"
complete -c clearance -n "__fish_clearance_using_subcommand key; and __fish_seen_subcommand_from export" -l root -d 'The repository\'s root (its genesis hash) to check it against, instead of the pin' -r
complete -c clearance -n "__fish_clearance_using_subcommand key; and __fish_seen_subcommand_from export" -l lock-timeout -d 'How long to wait for another clearance process writing the same repository' -r
complete -c clearance -n "__fish_clearance_using_subcommand key; and __fish_seen_subcommand_from export" -l no-color -d 'Never use color (also NO_COLOR)'
complete -c clearance -n "__fish_clearance_using_subcommand key; and __fish_seen_subcommand_from export" -s q -l quiet -d 'Print only data and errors'
complete -c clearance -n "__fish_clearance_using_subcommand key; and __fish_seen_subcommand_from export" -s v -l verbose -d 'Say more: how long the command took'
complete -c clearance -n "__fish_clearance_using_subcommand key; and __fish_seen_subcommand_from export" -l wide -d 'Tables show every column in full, however wide the terminal'
complete -c clearance -n "__fish_clearance_using_subcommand key; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help'
complete -c clearance -n "__fish_clearance_using_subcommand key; and __fish_seen_subcommand_from export" -s V -l version -d 'Print version'
complete -c clearance -n "__fish_clearance_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "new" -d 'Create a key: in the OS keyring, or with --file as an OpenSSH key file (0600) + .pub'
complete -c clearance -n "__fish_clearance_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the keys this machine created (in its keyring, or as files)'
complete -c clearance -n "__fish_clearance_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show a key\'s public half and fingerprint (from the keyring, or --file)'
complete -c clearance -n "__fish_clearance_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "export" -d 'Print a key\'s public half in OpenSSH format'
complete -c clearance -n "__fish_clearance_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c clearance -n "__fish_clearance_using_subcommand trust; and not __fish_seen_subcommand_from add list revoke allowed-signers help" -l repo -d 'The change repository [default: discovered from the current directory]' -r -F
complete -c clearance -n "__fish_clearance_using_subcommand trust; and not __fish_seen_subcommand_from add list revoke allowed-signers help" -l format -d 'Output format: human tables and text (the default, unless this machine\'s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid' -r -f -a "human\t''
json\t''
dot\t''
mermaid\t''"
complete -c clearance -n "__fish_clearance_using_subcommand trust; and not __fish_seen_subcommand_from add list revoke allowed-signers help" -l root -d 'The repository\'s root (its genesis hash) to check it against, instead of the pin' -r
complete -c clearance -n "__fish_clearance_using_subcommand trust; and not __fish_seen_subcommand_from add list revoke allowed-signers help" -l lock-timeout -d 'How long to wait for another clearance process writing the same repository' -r
complete -c clearance -n "__fish_clearance_using_subcommand trust; and not __fish_seen_subcommand_from add list revoke allowed-signers help" -l no-color -d 'Never use color (also NO_COLOR)'
complete -c clearance -n "__fish_clearance_using_subcommand trust; and not __fish_seen_subcommand_from add list revoke allowed-signers help" -s q -l quiet -d 'Print only data and errors'
complete -c clearance -n "__fish_clearance_using_subcommand trust; and not __fish_seen_subcommand_from add list revoke allowed-signers help" -s v -l verbose -d 'Say more: how long the command took'
complete -c clearance -n "__fish_clearance_using_subcommand trust; and not __fish_seen_subcommand_from add list revoke allowed-signers help" -l wide -d 'Tables show every column in full, however wide the terminal'
complete -c clearance -n "__fish_clearance_using_subcommand trust; and not __fish_seen_subcommand_from add list revoke allowed-signers help" -s h -l help -d 'Print help'
complete -c clearance -n "__fish_clearance_using_subcommand trust; and not __fish_seen_subcommand_from add list revoke allowed-signers help" -s V -l version -d 'Print version'
complete -c clearance -n "__fish_clearance_using_subcommand trust; and not __fish_seen_subcommand_from add list revoke allowed-signers help" -f -a "add" -d 'Trust a principal\'s public key in a role (a change to the rules, signed by an admin)'
complete -c clearance -n "__fish_clearance_using_subcommand trust; and not __fish_seen_subcommand_from add list revoke allowed-signers help" -f -a "list" -d 'List the trusted identities in force'
complete -c clearance -n "__fish_clearance_using_subcommand trust; and not __fish_seen_subcommand_from add list revoke allowed-signers help" -f -a "revoke" -d 'Revoke a principal: its signatures from then on count for nothing (signed by an admin)'
complete -c clearance -n "__fish_clearance_using_subcommand trust; and not __fish_seen_subcommand_from add list revoke allowed-signers help" -f -a "allowed-signers" -d 'Print an OpenSSH allowed_signers file for `ssh-keygen -Y verify` and `git verify-commit`'
complete -c clearance -n "__fish_clearance_using_subcommand trust; and not __fish_seen_subcommand_from add list revoke allowed-signers help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c clearance -n "__fish_clearance_using_subcommand trust; and __fish_seen_subcommand_from add" -l role -r -f -a "agent\t''
approver\t''
executor\t''
admin\t''
graph-maintainer\t'May change the service graph (`graph/`) alone, e.g. a catalog sync job'"
complete -c clearance -n "__fish_clearance_using_subcommand trust; and __fish_seen_subcommand_from add" -l group -d 'Group for approval quorums (repeatable)' -r
complete -c clearance -n "__fish_clearance_using_subcommand trust; and __fish_seen_subcommand_from add" -l key -d 'The principal\'s OpenSSH public key: the text, or a path to a .pub file' -r
complete -c clearance -n "__fish_clearance_using_subcommand trust; and __fish_seen_subcommand_from add" -l sponsor -d 'For agents: the accountable human' -r
complete -c clearance -n "__fish_clearance_using_subcommand trust; and __fish_seen_subcommand_from add" -l allow-action -d 'For agents: an action it may propose, `rds.*` style (repeatable)' -r
complete -c clearance -n "__fish_clearance_using_subcommand trust; and __fish_seen_subcommand_from add" -l allow-env -d 'For agents: an environment it may act in (repeatable)' -r
complete -c clearance -n "__fish_clearance_using_subcommand trust; and __fish_seen_subcommand_from add" -l signer -d 'Sign the change with the key of this name from the OS keyring' -r
complete -c clearance -n "__fish_clearance_using_subcommand trust; and __fish_seen_subcommand_from add" -l signer-file -d 'Sign the change with this OpenSSH private key file (mode 0600)' -r -F
complete -c clearance -n "__fish_clearance_using_subcommand trust; and __fish_seen_subcommand_from add" -l repo -d 'The change repository [default: discovered from the current directory]' -r -F
complete -c clearance -n "__fish_clearance_using_subcommand trust; and __fish_seen_subcommand_from add" -l format -d 'Output format: human tables and text (the default, unless this machine\'s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid' -r -f -a "human\t''
json\t''
dot\t''
mermaid\t''"
complete -c clearance -n "__fish_clearance_using_subcommand trust; and __fish_seen_subcommand_from add" -l root -d 'The repository\'s root (its genesis hash) to check it against, instead of the pin' -r
complete -c clearance -n "__fish_clearance_using_subcommand trust; and __fish_seen_subcommand_from add" -l lock-timeout -d 'How long to wait for another clearance process writing the same repository' -r
complete -c clearance -n "__fish_clearance_using_subcommand trust; and __fish_seen_subcommand_from add" -l replace -d 'Replace an existing entry for this principal'
complete -c clearance -n "__fish_clearance_using_subcommand trust; and __fish_seen_subcommand_from add" -l push -d 'Sync with the remote: push this write (approve, reject, withdraw and plan fetch first, to act on every machine\'s record) [default with `sync: auto`]'
complete -c clearance -n "__fish_clearance_using_subcommand trust; and __fish_seen_subcommand_from add" -l no-push -d 'Keep this write local even with `sync: auto` in clearance.yaml (for apply: even when the repository has a remote)'
complete -c clearance -n "__fish_clearance_using_subcommand trust; and __fish_seen_subcommand_from add" -l no-color -d 'Never use color (also NO_COLOR)'
complete -c clearance -n "__fish_clearance_using_subcommand trust; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print only data and errors'
complete -c clearance -n "__fish_clearance_using_subcommand trust; and __fish_seen_subcommand_from add" -s v -l verbose -d 'Say more: how long the command took'
complete -c clearance -n "__fish_clearance_using_subcommand trust; and __fish_seen_subcommand_from add" -l wide -d 'Tables show every column in full, however wide the terminal'
complete -c clearance -n "__fish_clearance_using_subcommand trust; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c clearance -n "__fish_clearance_using_subcommand trust; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c clearance -n "__fish_clearance_using_subcommand trust; and __fish_seen_subcommand_from list" -l repo -d 'The change repository [default: discovered from the current directory]' -r -F
complete -c clearance -n "__fish_clearance_using_subcommand trust; and __fish_seen_subcommand_from list" -l format -d 'Output format: human tables and text (the default, unless this machine\'s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid' -r -f -a "human\t''
json\t''
dot\t''
mermaid\t''"
complete -c clearance -n "__fish_clearance_using_subcommand trust; and __fish_seen_subcommand_from list" -l root -d 'The repository\'s root (its genesis hash) to check it against, instead of the pin' -r
complete -c clearance -n "__fish_clearance_using_subcommand trust; and __fish_seen_subcommand_from list" -l lock-timeout -d 'How long to wait for another clearance process writing the same repository' -r
complete -c clearance -n "__fish_clearance_using_subcommand trust; and __fish_seen_subcommand_from list" -l no-color -d 'Never use color (also NO_COLOR)'
complete -c clearance -n "__fish_clearance_using_subcommand trust; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only data and errors'
complete -c clearance -n "__fish_clearance_using_subcommand trust; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Say more: how long the command took'
complete -c clearance -n "__fish_clearance_using_subcommand trust; and __fish_seen_subcommand_from list" -l wide -d 'Tables show every column in full, however wide the terminal'
complete -c clearance -n "__fish_clearance_using_subcommand trust; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c clearance -n "__fish_clearance_using_subcommand trust; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c clearance -n "__fish_clearance_using_subcommand trust; and __fish_seen_subcommand_from revoke" -l at -d 'When the revocation takes effect (RFC 3339) [default: now]' -r
complete -c clearance -n "__fish_clearance_using_subcommand trust; and __fish_seen_subcommand_from revoke" -l signer -d 'Sign the change with the key of this name from the OS keyring' -r
complete -c clearance -n "__fish_clearance_using_subcommand trust; and __fish_seen_subcommand_from revoke" -l signer-file -d 'Sign the change with this OpenSSH private key file (mode 0600)' -r -F
complete -c clearance -n "__fish_clearance_using_subcommand trust; and __fish_seen_subcommand_from revoke" -l repo -d 'The change repository [default: discovered from the current directory]' -r -F
complete -c clearance -n "__fish_clearance_using_subcommand trust; and __fish_seen_subcommand_from revoke" -l format -d 'Output format: human tables and text (the default, unless this machine\'s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid' -r -f -a "human\t''
json\t''
dot\t''
mermaid\t''"
complete -c clearance -n "__fish_clearance_using_subcommand trust; and __fish_seen_subcommand_from revoke" -l root -d 'The repository\'s root (its genesis hash) to check it against, instead of the pin' -r
complete -c clearance -n "__fish_clearance_using_subcommand trust; and __fish_seen_subcommand_from revoke" -l lock-timeout -d 'How long to wait for another clearance process writing the same repository' -r
complete -c clearance -n "__fish_clearance_using_subcommand trust; and __fish_seen_subcommand_from revoke" -l push -d 'Sync with the remote: push this write (approve, reject, withdraw and plan fetch first, to act on every machine\'s record) [default with `sync: auto`]'
complete -c clearance -n "__fish_clearance_using_subcommand trust; and __fish_seen_subcommand_from revoke" -l no-push -d 'Keep this write local even with `sync: auto` in clearance.yaml (for apply: even when the repository has a remote)'
complete -c clearance -n "__fish_clearance_using_subcommand trust; and __fish_seen_subcommand_from revoke" -l no-color -d 'Never use color (also NO_COLOR)'
complete -c clearance -n "__fish_clearance_using_subcommand trust; and __fish_seen_subcommand_from revoke" -s q -l quiet -d 'Print only data and errors'
complete -c clearance -n "__fish_clearance_using_subcommand trust; and __fish_seen_subcommand_from revoke" -s v -l verbose -d 'Say more: how long the command took'
complete -c clearance -n "__fish_clearance_using_subcommand trust; and __fish_seen_subcommand_from revoke" -l wide -d 'Tables show every column in full, however wide the terminal'
complete -c clearance -n "__fish_clearance_using_subcommand trust; and __fish_seen_subcommand_from revoke" -s h -l help -d 'Print help'
complete -c clearance -n "__fish_clearance_using_subcommand trust; and __fish_seen_subcommand_from revoke" -s V -l version -d 'Print version'
complete -c clearance -n "__fish_clearance_using_subcommand trust; and __fish_seen_subcommand_from allowed-signers" -l repo -d 'The change repository [default: discovered from the current directory]' -r -F
complete -c clearance -n "__fish_clearance_using_subcommand trust; and __fish_seen_subcommand_from allowed-signers" -l format -d 'Output format: human tables and text (the default, unless this machine\'s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid' -r -f -a "human\t''
json\t''
dot\t''
mermaid\t''"
complete -c clearance -n "__fish_clearance_using_subcommand trust; and __fish_seen_subcommand_from allowed-signers" -l root -d 'The repository\'s root (its genesis hash) to check it against, instead of the pin' -r
complete -c clearance -n "__fish_clearance_using_subcommand trust; and __fish_seen_subcommand_from allowed-signers" -l lock-timeout -d 'How long to wait for another clearance process writing the same repository' -r
complete -c clearance -n "__fish_clearance_using_subcommand trust; and __fish_seen_subcommand_from allowed-signers" -l no-color -d 'Never use color (also NO_COLOR)'
complete -c clearance -n "__fish_clearance_using_subcommand trust; and __fish_seen_subcommand_from allowed-signers" -s q -l quiet -d 'Print only data and errors'
complete -c clearance -n "__fish_clearance_using_subcommand trust; and __fish_seen_subcommand_from allowed-signers" -s v -l verbose -d 'Say more: how long the command took'
complete -c clearance -n "__fish_clearance_using_subcommand trust; and __fish_seen_subcommand_from allowed-signers" -l wide -d 'Tables show every column in full, however wide the terminal'
complete -c clearance -n "__fish_clearance_using_subcommand trust; and __fish_seen_subcommand_from allowed-signers" -s h -l help -d 'Print help'
complete -c clearance -n "__fish_clearance_using_subcommand trust; and __fish_seen_subcommand_from allowed-signers" -s V -l version -d 'Print version'
complete -c clearance -n "__fish_clearance_using_subcommand trust; and __fish_seen_subcommand_from help" -f -a "add" -d 'Trust a principal\'s public key in a role (a change to the rules, signed by an admin)'
complete -c clearance -n "__fish_clearance_using_subcommand trust; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the trusted identities in force'
complete -c clearance -n "__fish_clearance_using_subcommand trust; and __fish_seen_subcommand_from help" -f -a "revoke" -d 'Revoke a principal: its signatures from then on count for nothing (signed by an admin)'
complete -c clearance -n "__fish_clearance_using_subcommand trust; and __fish_seen_subcommand_from help" -f -a "allowed-signers" -d 'Print an OpenSSH allowed_signers file for `ssh-keygen -Y verify` and `git verify-commit`'
complete -c clearance -n "__fish_clearance_using_subcommand trust; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c clearance -n "__fish_clearance_using_subcommand governance; and not __fish_seen_subcommand_from sign status log adopt help" -l repo -d 'The change repository [default: discovered from the current directory]' -r -F
complete -c clearance -n "__fish_clearance_using_subcommand governance; and not __fish_seen_subcommand_from sign status log adopt help" -l format -d 'Output format: human tables and text (the default, unless this machine\'s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid' -r -f -a "human\t''
json\t''
dot\t''
mermaid\t''"
complete -c clearance -n "__fish_clearance_using_subcommand governance; and not __fish_seen_subcommand_from sign status log adopt help" -l root -d 'The repository\'s root (its genesis hash) to check it against, instead of the pin' -r
complete -c clearance -n "__fish_clearance_using_subcommand governance; and not __fish_seen_subcommand_from sign status log adopt help" -l lock-timeout -d 'How long to wait for another clearance process writing the same repository' -r
complete -c clearance -n "__fish_clearance_using_subcommand governance; and not __fish_seen_subcommand_from sign status log adopt help" -l no-color -d 'Never use color (also NO_COLOR)'
complete -c clearance -n "__fish_clearance_using_subcommand governance; and not __fish_seen_subcommand_from sign status log adopt help" -s q -l quiet -d 'Print only data and errors'
complete -c clearance -n "__fish_clearance_using_subcommand governance; and not __fish_seen_subcommand_from sign status log adopt help" -s v -l verbose -d 'Say more: how long the command took'
complete -c clearance -n "__fish_clearance_using_subcommand governance; and not __fish_seen_subcommand_from sign status log adopt help" -l wide -d 'Tables show every column in full, however wide the terminal'
complete -c clearance -n "__fish_clearance_using_subcommand governance; and not __fish_seen_subcommand_from sign status log adopt help" -s h -l help -d 'Print help'
complete -c clearance -n "__fish_clearance_using_subcommand governance; and not __fish_seen_subcommand_from sign status log adopt help" -s V -l version -d 'Print version'
complete -c clearance -n "__fish_clearance_using_subcommand governance; and not __fish_seen_subcommand_from sign status log adopt help" -f -a "sign" -d 'Sign a change to the rules: the work tree\'s governed files, or a pending change'
complete -c clearance -n "__fish_clearance_using_subcommand governance; and not __fish_seen_subcommand_from sign status log adopt help" -f -a "status" -d 'Show the root, the entry in force, pending changes and unauthorized edits'
complete -c clearance -n "__fish_clearance_using_subcommand governance; and not __fish_seen_subcommand_from sign status log adopt help" -f -a "log" -d 'List the entries of the governance log, oldest first'
complete -c clearance -n "__fish_clearance_using_subcommand governance; and not __fish_seen_subcommand_from sign status log adopt help" -f -a "adopt" -d 'Give a repository made before governance its genesis, signed by its first admin'
complete -c clearance -n "__fish_clearance_using_subcommand governance; and not __fish_seen_subcommand_from sign status log adopt help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c clearance -n "__fish_clearance_using_subcommand governance; and __fish_seen_subcommand_from sign" -l key -d 'Sign with the key of this name from the OS keyring' -r
complete -c clearance -n "__fish_clearance_using_subcommand governance; and __fish_seen_subcommand_from sign" -l key-file -d 'Sign with this OpenSSH private key file (mode 0600)' -r -F
complete -c clearance -n "__fish_clearance_using_subcommand governance; and __fish_seen_subcommand_from sign" -s m -l message -d 'What the change is, in a few words (kept in the log)' -r
complete -c clearance -n "__fish_clearance_using_subcommand governance; and __fish_seen_subcommand_from sign" -l add-admin -d 'Add (or re-key) an admin: NAME=PUBKEY, the key as text or a .pub file (repeatable)' -r
complete -c clearance -n "__fish_clearance_using_subcommand governance; and __fish_seen_subcommand_from sign" -l remove-admin -d 'Remove an admin (repeatable)' -r
complete -c clearance -n "__fish_clearance_using_subcommand governance; and __fish_seen_subcommand_from sign" -l admin-threshold -d 'Distinct admin signatures that changes to the rules need from now on' -r
complete -c clearance -n "__fish_clearance_using_subcommand governance; and __fish_seen_subcommand_from sign" -l repo -d 'The change repository [default: discovered from the current directory]' -r -F
complete -c clearance -n "__fish_clearance_using_subcommand governance; and __fish_seen_subcommand_from sign" -l format -d 'Output format: human tables and text (the default, unless this machine\'s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid' -r -f -a "human\t''
json\t''
dot\t''
mermaid\t''"
complete -c clearance -n "__fish_clearance_using_subcommand governance; and __fish_seen_subcommand_from sign" -l root -d 'The repository\'s root (its genesis hash) to check it against, instead of the pin' -r
complete -c clearance -n "__fish_clearance_using_subcommand governance; and __fish_seen_subcommand_from sign" -l lock-timeout -d 'How long to wait for another clearance process writing the same repository' -r
complete -c clearance -n "__fish_clearance_using_subcommand governance; and __fish_seen_subcommand_from sign" -s y -l yes -d 'Do not ask; required without a terminal'
complete -c clearance -n "__fish_clearance_using_subcommand governance; and __fish_seen_subcommand_from sign" -l push -d 'Sync with the remote: push this write (approve, reject, withdraw and plan fetch first, to act on every machine\'s record) [default with `sync: auto`]'
complete -c clearance -n "__fish_clearance_using_subcommand governance; and __fish_seen_subcommand_from sign" -l no-push -d 'Keep this write local even with `sync: auto` in clearance.yaml (for apply: even when the repository has a remote)'
complete -c clearance -n "__fish_clearance_using_subcommand governance; and __fish_seen_subcommand_from sign" -l no-color -d 'Never use color (also NO_COLOR)'
complete -c clearance -n "__fish_clearance_using_subcommand governance; and __fish_seen_subcommand_from sign" -s q -l quiet -d 'Print only data and errors'
complete -c clearance -n "__fish_clearance_using_subcommand governance; and __fish_seen_subcommand_from sign" -s v -l verbose -d 'Say more: how long the command took'
complete -c clearance -n "__fish_clearance_using_subcommand governance; and __fish_seen_subcommand_from sign" -l wide -d 'Tables show every column in full, however wide the terminal'
complete -c clearance -n "__fish_clearance_using_subcommand governance; and __fish_seen_subcommand_from sign" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c clearance -n "__fish_clearance_using_subcommand governance; and __fish_seen_subcommand_from sign" -s V -l version -d 'Print version'
complete -c clearance -n "__fish_clearance_using_subcommand governance; and __fish_seen_subcommand_from status" -l repo -d 'The change repository [default: discovered from the current directory]' -r -F
complete -c clearance -n "__fish_clearance_using_subcommand governance; and __fish_seen_subcommand_from status" -l format -d 'Output format: human tables and text (the default, unless this machine\'s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid' -r -f -a "human\t''
json\t''
dot\t''
mermaid\t''"
complete -c clearance -n "__fish_clearance_using_subcommand governance; and __fish_seen_subcommand_from status" -l root -d 'The repository\'s root (its genesis hash) to check it against, instead of the pin' -r
complete -c clearance -n "__fish_clearance_using_subcommand governance; and __fish_seen_subcommand_from status" -l lock-timeout -d 'How long to wait for another clearance process writing the same repository' -r
complete -c clearance -n "__fish_clearance_using_subcommand governance; and __fish_seen_subcommand_from status" -l no-color -d 'Never use color (also NO_COLOR)'
complete -c clearance -n "__fish_clearance_using_subcommand governance; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Print only data and errors'
complete -c clearance -n "__fish_clearance_using_subcommand governance; and __fish_seen_subcommand_from status" -s v -l verbose -d 'Say more: how long the command took'
complete -c clearance -n "__fish_clearance_using_subcommand governance; and __fish_seen_subcommand_from status" -l wide -d 'Tables show every column in full, however wide the terminal'
complete -c clearance -n "__fish_clearance_using_subcommand governance; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help'
complete -c clearance -n "__fish_clearance_using_subcommand governance; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c clearance -n "__fish_clearance_using_subcommand governance; and __fish_seen_subcommand_from log" -l repo -d 'The change repository [default: discovered from the current directory]' -r -F
complete -c clearance -n "__fish_clearance_using_subcommand governance; and __fish_seen_subcommand_from log" -l format -d 'Output format: human tables and text (the default, unless this machine\'s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid' -r -f -a "human\t''
json\t''
dot\t''
mermaid\t''"
complete -c clearance -n "__fish_clearance_using_subcommand governance; and __fish_seen_subcommand_from log" -l root -d 'The repository\'s root (its genesis hash) to check it against, instead of the pin' -r
complete -c clearance -n "__fish_clearance_using_subcommand governance; and __fish_seen_subcommand_from log" -l lock-timeout -d 'How long to wait for another clearance process writing the same repository' -r
complete -c clearance -n "__fish_clearance_using_subcommand governance; and __fish_seen_subcommand_from log" -l no-color -d 'Never use color (also NO_COLOR)'
complete -c clearance -n "__fish_clearance_using_subcommand governance; and __fish_seen_subcommand_from log" -s q -l quiet -d 'Print only data and errors'
complete -c clearance -n "__fish_clearance_using_subcommand governance; and __fish_seen_subcommand_from log" -s v -l verbose -d 'Say more: how long the command took'
complete -c clearance -n "__fish_clearance_using_subcommand governance; and __fish_seen_subcommand_from log" -l wide -d 'Tables show every column in full, however wide the terminal'
complete -c clearance -n "__fish_clearance_using_subcommand governance; and __fish_seen_subcommand_from log" -s h -l help -d 'Print help'
complete -c clearance -n "__fish_clearance_using_subcommand governance; and __fish_seen_subcommand_from log" -s V -l version -d 'Print version'
complete -c clearance -n "__fish_clearance_using_subcommand governance; and __fish_seen_subcommand_from adopt" -l admin -d 'The first admin\'s principal name [default: the trusted identity holding the key, else `admin`]' -r
complete -c clearance -n "__fish_clearance_using_subcommand governance; and __fish_seen_subcommand_from adopt" -l admin-threshold -d 'Distinct admin signatures a change to the rules needs (capped at the number of admins)' -r
complete -c clearance -n "__fish_clearance_using_subcommand governance; and __fish_seen_subcommand_from adopt" -l key -d 'Sign with the key of this name from the OS keyring' -r
complete -c clearance -n "__fish_clearance_using_subcommand governance; and __fish_seen_subcommand_from adopt" -l key-file -d 'Sign with this OpenSSH private key file (mode 0600)' -r -F
complete -c clearance -n "__fish_clearance_using_subcommand governance; and __fish_seen_subcommand_from adopt" -l repo -d 'The change repository [default: discovered from the current directory]' -r -F
complete -c clearance -n "__fish_clearance_using_subcommand governance; and __fish_seen_subcommand_from adopt" -l format -d 'Output format: human tables and text (the default, unless this machine\'s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid' -r -f -a "human\t''
json\t''
dot\t''
mermaid\t''"
complete -c clearance -n "__fish_clearance_using_subcommand governance; and __fish_seen_subcommand_from adopt" -l root -d 'The repository\'s root (its genesis hash) to check it against, instead of the pin' -r
complete -c clearance -n "__fish_clearance_using_subcommand governance; and __fish_seen_subcommand_from adopt" -l lock-timeout -d 'How long to wait for another clearance process writing the same repository' -r
complete -c clearance -n "__fish_clearance_using_subcommand governance; and __fish_seen_subcommand_from adopt" -l no-color -d 'Never use color (also NO_COLOR)'
complete -c clearance -n "__fish_clearance_using_subcommand governance; and __fish_seen_subcommand_from adopt" -s q -l quiet -d 'Print only data and errors'
complete -c clearance -n "__fish_clearance_using_subcommand governance; and __fish_seen_subcommand_from adopt" -s v -l verbose -d 'Say more: how long the command took'
complete -c clearance -n "__fish_clearance_using_subcommand governance; and __fish_seen_subcommand_from adopt" -l wide -d 'Tables show every column in full, however wide the terminal'
complete -c clearance -n "__fish_clearance_using_subcommand governance; and __fish_seen_subcommand_from adopt" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c clearance -n "__fish_clearance_using_subcommand governance; and __fish_seen_subcommand_from adopt" -s V -l version -d 'Print version'
complete -c clearance -n "__fish_clearance_using_subcommand governance; and __fish_seen_subcommand_from help" -f -a "sign" -d 'Sign a change to the rules: the work tree\'s governed files, or a pending change'
complete -c clearance -n "__fish_clearance_using_subcommand governance; and __fish_seen_subcommand_from help" -f -a "status" -d 'Show the root, the entry in force, pending changes and unauthorized edits'
complete -c clearance -n "__fish_clearance_using_subcommand governance; and __fish_seen_subcommand_from help" -f -a "log" -d 'List the entries of the governance log, oldest first'
complete -c clearance -n "__fish_clearance_using_subcommand governance; and __fish_seen_subcommand_from help" -f -a "adopt" -d 'Give a repository made before governance its genesis, signed by its first admin'
complete -c clearance -n "__fish_clearance_using_subcommand governance; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c clearance -n "__fish_clearance_using_subcommand doctor" -l repo -d 'The change repository [default: discovered from the current directory]' -r -F
complete -c clearance -n "__fish_clearance_using_subcommand doctor" -l format -d 'Output format: human tables and text (the default, unless this machine\'s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid' -r -f -a "human\t''
json\t''
dot\t''
mermaid\t''"
complete -c clearance -n "__fish_clearance_using_subcommand doctor" -l root -d 'The repository\'s root (its genesis hash) to check it against, instead of the pin' -r
complete -c clearance -n "__fish_clearance_using_subcommand doctor" -l lock-timeout -d 'How long to wait for another clearance process writing the same repository' -r
complete -c clearance -n "__fish_clearance_using_subcommand doctor" -l no-color -d 'Never use color (also NO_COLOR)'
complete -c clearance -n "__fish_clearance_using_subcommand doctor" -s q -l quiet -d 'Print only data and errors'
complete -c clearance -n "__fish_clearance_using_subcommand doctor" -s v -l verbose -d 'Say more: how long the command took'
complete -c clearance -n "__fish_clearance_using_subcommand doctor" -l wide -d 'Tables show every column in full, however wide the terminal'
complete -c clearance -n "__fish_clearance_using_subcommand doctor" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c clearance -n "__fish_clearance_using_subcommand doctor" -s V -l version -d 'Print version'
complete -c clearance -n "__fish_clearance_using_subcommand graph; and not __fish_seen_subcommand_from check list import help" -l repo -d 'The change repository [default: discovered from the current directory]' -r -F
complete -c clearance -n "__fish_clearance_using_subcommand graph; and not __fish_seen_subcommand_from check list import help" -l format -d 'Output format: human tables and text (the default, unless this machine\'s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid' -r -f -a "human\t''
json\t''
dot\t''
mermaid\t''"
complete -c clearance -n "__fish_clearance_using_subcommand graph; and not __fish_seen_subcommand_from check list import help" -l root -d 'The repository\'s root (its genesis hash) to check it against, instead of the pin' -r
complete -c clearance -n "__fish_clearance_using_subcommand graph; and not __fish_seen_subcommand_from check list import help" -l lock-timeout -d 'How long to wait for another clearance process writing the same repository' -r
complete -c clearance -n "__fish_clearance_using_subcommand graph; and not __fish_seen_subcommand_from check list import help" -l no-color -d 'Never use color (also NO_COLOR)'
complete -c clearance -n "__fish_clearance_using_subcommand graph; and not __fish_seen_subcommand_from check list import help" -s q -l quiet -d 'Print only data and errors'
complete -c clearance -n "__fish_clearance_using_subcommand graph; and not __fish_seen_subcommand_from check list import help" -s v -l verbose -d 'Say more: how long the command took'
complete -c clearance -n "__fish_clearance_using_subcommand graph; and not __fish_seen_subcommand_from check list import help" -l wide -d 'Tables show every column in full, however wide the terminal'
complete -c clearance -n "__fish_clearance_using_subcommand graph; and not __fish_seen_subcommand_from check list import help" -s h -l help -d 'Print help'
complete -c clearance -n "__fish_clearance_using_subcommand graph; and not __fish_seen_subcommand_from check list import help" -s V -l version -d 'Print version'
complete -c clearance -n "__fish_clearance_using_subcommand graph; and not __fish_seen_subcommand_from check list import help" -f -a "check" -d 'Validate a service graph: the branch\'s, or FILE before you commit it'
complete -c clearance -n "__fish_clearance_using_subcommand graph; and not __fish_seen_subcommand_from check list import help" -f -a "list" -d 'List the services of the graph in force: what intents may name as targets'
complete -c clearance -n "__fish_clearance_using_subcommand graph; and not __fish_seen_subcommand_from check list import help" -f -a "import" -d 'Build the service graph from another source of truth'
complete -c clearance -n "__fish_clearance_using_subcommand graph; and not __fish_seen_subcommand_from check list import help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c clearance -n "__fish_clearance_using_subcommand graph; and __fish_seen_subcommand_from check" -l repo -d 'The change repository [default: discovered from the current directory]' -r -F
complete -c clearance -n "__fish_clearance_using_subcommand graph; and __fish_seen_subcommand_from check" -l format -d 'Output format: human tables and text (the default, unless this machine\'s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid' -r -f -a "human\t''
json\t''
dot\t''
mermaid\t''"
complete -c clearance -n "__fish_clearance_using_subcommand graph; and __fish_seen_subcommand_from check" -l root -d 'The repository\'s root (its genesis hash) to check it against, instead of the pin' -r
complete -c clearance -n "__fish_clearance_using_subcommand graph; and __fish_seen_subcommand_from check" -l lock-timeout -d 'How long to wait for another clearance process writing the same repository' -r
complete -c clearance -n "__fish_clearance_using_subcommand graph; and __fish_seen_subcommand_from check" -l no-color -d 'Never use color (also NO_COLOR)'
complete -c clearance -n "__fish_clearance_using_subcommand graph; and __fish_seen_subcommand_from check" -s q -l quiet -d 'Print only data and errors'
complete -c clearance -n "__fish_clearance_using_subcommand graph; and __fish_seen_subcommand_from check" -s v -l verbose -d 'Say more: how long the command took'
complete -c clearance -n "__fish_clearance_using_subcommand graph; and __fish_seen_subcommand_from check" -l wide -d 'Tables show every column in full, however wide the terminal'
complete -c clearance -n "__fish_clearance_using_subcommand graph; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help'
complete -c clearance -n "__fish_clearance_using_subcommand graph; and __fish_seen_subcommand_from check" -s V -l version -d 'Print version'
complete -c clearance -n "__fish_clearance_using_subcommand graph; and __fish_seen_subcommand_from list" -l owner -d 'Only services this team owns' -r
complete -c clearance -n "__fish_clearance_using_subcommand graph; and __fish_seen_subcommand_from list" -l tier -d 'Only services of this tier (0 most critical .. 3)' -r
complete -c clearance -n "__fish_clearance_using_subcommand graph; and __fish_seen_subcommand_from list" -l repo -d 'The change repository [default: discovered from the current directory]' -r -F
complete -c clearance -n "__fish_clearance_using_subcommand graph; and __fish_seen_subcommand_from list" -l format -d 'Output format: human tables and text (the default, unless this machine\'s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid' -r -f -a "human\t''
json\t''
dot\t''
mermaid\t''"
complete -c clearance -n "__fish_clearance_using_subcommand graph; and __fish_seen_subcommand_from list" -l root -d 'The repository\'s root (its genesis hash) to check it against, instead of the pin' -r
complete -c clearance -n "__fish_clearance_using_subcommand graph; and __fish_seen_subcommand_from list" -l lock-timeout -d 'How long to wait for another clearance process writing the same repository' -r
complete -c clearance -n "__fish_clearance_using_subcommand graph; and __fish_seen_subcommand_from list" -l no-color -d 'Never use color (also NO_COLOR)'
complete -c clearance -n "__fish_clearance_using_subcommand graph; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only data and errors'
complete -c clearance -n "__fish_clearance_using_subcommand graph; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Say more: how long the command took'
complete -c clearance -n "__fish_clearance_using_subcommand graph; and __fish_seen_subcommand_from list" -l wide -d 'Tables show every column in full, however wide the terminal'
complete -c clearance -n "__fish_clearance_using_subcommand graph; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c clearance -n "__fish_clearance_using_subcommand graph; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c clearance -n "__fish_clearance_using_subcommand graph; and __fish_seen_subcommand_from import" -l repo -d 'The change repository [default: discovered from the current directory]' -r -F
complete -c clearance -n "__fish_clearance_using_subcommand graph; and __fish_seen_subcommand_from import" -l format -d 'Output format: human tables and text (the default, unless this machine\'s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid' -r -f -a "human\t''
json\t''
dot\t''
mermaid\t''"
complete -c clearance -n "__fish_clearance_using_subcommand graph; and __fish_seen_subcommand_from import" -l root -d 'The repository\'s root (its genesis hash) to check it against, instead of the pin' -r
complete -c clearance -n "__fish_clearance_using_subcommand graph; and __fish_seen_subcommand_from import" -l lock-timeout -d 'How long to wait for another clearance process writing the same repository' -r
complete -c clearance -n "__fish_clearance_using_subcommand graph; and __fish_seen_subcommand_from import" -l no-color -d 'Never use color (also NO_COLOR)'
complete -c clearance -n "__fish_clearance_using_subcommand graph; and __fish_seen_subcommand_from import" -s q -l quiet -d 'Print only data and errors'
complete -c clearance -n "__fish_clearance_using_subcommand graph; and __fish_seen_subcommand_from import" -s v -l verbose -d 'Say more: how long the command took'
complete -c clearance -n "__fish_clearance_using_subcommand graph; and __fish_seen_subcommand_from import" -l wide -d 'Tables show every column in full, however wide the terminal'
complete -c clearance -n "__fish_clearance_using_subcommand graph; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help'
complete -c clearance -n "__fish_clearance_using_subcommand graph; and __fish_seen_subcommand_from import" -s V -l version -d 'Print version'
complete -c clearance -n "__fish_clearance_using_subcommand graph; and __fish_seen_subcommand_from import" -f -a "backstage" -d 'Turn Backstage catalog entities (Component, Resource, API, System) into a graph'
complete -c clearance -n "__fish_clearance_using_subcommand graph; and __fish_seen_subcommand_from import" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c clearance -n "__fish_clearance_using_subcommand graph; and __fish_seen_subcommand_from help" -f -a "check" -d 'Validate a service graph: the branch\'s, or FILE before you commit it'
complete -c clearance -n "__fish_clearance_using_subcommand graph; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the services of the graph in force: what intents may name as targets'
complete -c clearance -n "__fish_clearance_using_subcommand graph; and __fish_seen_subcommand_from help" -f -a "import" -d 'Build the service graph from another source of truth'
complete -c clearance -n "__fish_clearance_using_subcommand graph; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c clearance -n "__fish_clearance_using_subcommand schema" -l repo -d 'The change repository [default: discovered from the current directory]' -r -F
complete -c clearance -n "__fish_clearance_using_subcommand schema" -l format -d 'Output format: human tables and text (the default, unless this machine\'s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid' -r -f -a "human\t''
json\t''
dot\t''
mermaid\t''"
complete -c clearance -n "__fish_clearance_using_subcommand schema" -l root -d 'The repository\'s root (its genesis hash) to check it against, instead of the pin' -r
complete -c clearance -n "__fish_clearance_using_subcommand schema" -l lock-timeout -d 'How long to wait for another clearance process writing the same repository' -r
complete -c clearance -n "__fish_clearance_using_subcommand schema" -l no-color -d 'Never use color (also NO_COLOR)'
complete -c clearance -n "__fish_clearance_using_subcommand schema" -s q -l quiet -d 'Print only data and errors'
complete -c clearance -n "__fish_clearance_using_subcommand schema" -s v -l verbose -d 'Say more: how long the command took'
complete -c clearance -n "__fish_clearance_using_subcommand schema" -l wide -d 'Tables show every column in full, however wide the terminal'
complete -c clearance -n "__fish_clearance_using_subcommand schema" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c clearance -n "__fish_clearance_using_subcommand schema" -s V -l version -d 'Print version'
complete -c clearance -n "__fish_clearance_using_subcommand provider" -l repo -d 'The change repository [default: discovered from the current directory]' -r -F
complete -c clearance -n "__fish_clearance_using_subcommand provider" -l format -d 'Output format: human tables and text (the default, unless this machine\'s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid' -r -f -a "human\t''
json\t''
dot\t''
mermaid\t''"
complete -c clearance -n "__fish_clearance_using_subcommand provider" -l root -d 'The repository\'s root (its genesis hash) to check it against, instead of the pin' -r
complete -c clearance -n "__fish_clearance_using_subcommand provider" -l lock-timeout -d 'How long to wait for another clearance process writing the same repository' -r
complete -c clearance -n "__fish_clearance_using_subcommand provider" -l no-color -d 'Never use color (also NO_COLOR)'
complete -c clearance -n "__fish_clearance_using_subcommand provider" -s q -l quiet -d 'Print only data and errors'
complete -c clearance -n "__fish_clearance_using_subcommand provider" -s v -l verbose -d 'Say more: how long the command took'
complete -c clearance -n "__fish_clearance_using_subcommand provider" -l wide -d 'Tables show every column in full, however wide the terminal'
complete -c clearance -n "__fish_clearance_using_subcommand provider" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c clearance -n "__fish_clearance_using_subcommand provider" -s V -l version -d 'Print version'
complete -c clearance -n "__fish_clearance_using_subcommand generate" -l repo -d 'The change repository [default: discovered from the current directory]' -r -F
complete -c clearance -n "__fish_clearance_using_subcommand generate" -l format -d 'Output format: human tables and text (the default, unless this machine\'s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid' -r -f -a "human\t''
json\t''
dot\t''
mermaid\t''"
complete -c clearance -n "__fish_clearance_using_subcommand generate" -l root -d 'The repository\'s root (its genesis hash) to check it against, instead of the pin' -r
complete -c clearance -n "__fish_clearance_using_subcommand generate" -l lock-timeout -d 'How long to wait for another clearance process writing the same repository' -r
complete -c clearance -n "__fish_clearance_using_subcommand generate" -l no-color -d 'Never use color (also NO_COLOR)'
complete -c clearance -n "__fish_clearance_using_subcommand generate" -s q -l quiet -d 'Print only data and errors'
complete -c clearance -n "__fish_clearance_using_subcommand generate" -s v -l verbose -d 'Say more: how long the command took'
complete -c clearance -n "__fish_clearance_using_subcommand generate" -l wide -d 'Tables show every column in full, however wide the terminal'
complete -c clearance -n "__fish_clearance_using_subcommand generate" -s h -l help -d 'Print help'
complete -c clearance -n "__fish_clearance_using_subcommand generate" -s V -l version -d 'Print version'
complete -c clearance -n "__fish_clearance_using_subcommand version" -l repo -d 'The change repository [default: discovered from the current directory]' -r -F
complete -c clearance -n "__fish_clearance_using_subcommand version" -l format -d 'Output format: human tables and text (the default, unless this machine\'s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid' -r -f -a "human\t''
json\t''
dot\t''
mermaid\t''"
complete -c clearance -n "__fish_clearance_using_subcommand version" -l root -d 'The repository\'s root (its genesis hash) to check it against, instead of the pin' -r
complete -c clearance -n "__fish_clearance_using_subcommand version" -l lock-timeout -d 'How long to wait for another clearance process writing the same repository' -r
complete -c clearance -n "__fish_clearance_using_subcommand version" -l no-color -d 'Never use color (also NO_COLOR)'
complete -c clearance -n "__fish_clearance_using_subcommand version" -s q -l quiet -d 'Print only data and errors'
complete -c clearance -n "__fish_clearance_using_subcommand version" -s v -l verbose -d 'Say more: how long the command took'
complete -c clearance -n "__fish_clearance_using_subcommand version" -l wide -d 'Tables show every column in full, however wide the terminal'
complete -c clearance -n "__fish_clearance_using_subcommand version" -s h -l help -d 'Print help'
complete -c clearance -n "__fish_clearance_using_subcommand version" -s V -l version -d 'Print version'
complete -c clearance -n "__fish_clearance_using_subcommand help; and not __fish_seen_subcommand_from demo init new propose list show wait mcp plan approve inbox reject withdraw apply rollback verify checkpoint stats sync evidence blast check policy key trust governance doctor graph schema provider generate version help" -f -a "demo" -d 'Walk through the lifecycle on an embedded example, step by step'
complete -c clearance -n "__fish_clearance_using_subcommand help; and not __fish_seen_subcommand_from demo init new propose list show wait mcp plan approve inbox reject withdraw apply rollback verify checkpoint stats sync evidence blast check policy key trust governance doctor graph schema provider generate version help" -f -a "init" -d 'Create a change repository from the built-in templates'
complete -c clearance -n "__fish_clearance_using_subcommand help; and not __fish_seen_subcommand_from demo init new propose list show wait mcp plan approve inbox reject withdraw apply rollback verify checkpoint stats sync evidence blast check policy key trust governance doctor graph schema provider generate version help" -f -a "new" -d 'Start an intent from a template (restart, scale, rotate a secret, toggle a flag, migrate)'
complete -c clearance -n "__fish_clearance_using_subcommand help; and not __fish_seen_subcommand_from demo init new propose list show wait mcp plan approve inbox reject withdraw apply rollback verify checkpoint stats sync evidence blast check policy key trust governance doctor graph schema provider generate version help" -f -a "propose" -d 'Propose a change: validate an intent and commit it to the change repository'
complete -c clearance -n "__fish_clearance_using_subcommand help; and not __fish_seen_subcommand_from demo init new propose list show wait mcp plan approve inbox reject withdraw apply rollback verify checkpoint stats sync evidence blast check policy key trust governance doctor graph schema provider generate version help" -f -a "list" -d 'List proposals, newest first'
complete -c clearance -n "__fish_clearance_using_subcommand help; and not __fish_seen_subcommand_from demo init new propose list show wait mcp plan approve inbox reject withdraw apply rollback verify checkpoint stats sync evidence blast check policy key trust governance doctor graph schema provider generate version help" -f -a "show" -d 'Show one proposal: its intent, state and evidence'
complete -c clearance -n "__fish_clearance_using_subcommand help; and not __fish_seen_subcommand_from demo init new propose list show wait mcp plan approve inbox reject withdraw apply rollback verify checkpoint stats sync evidence blast check policy key trust governance doctor graph schema provider generate version help" -f -a "wait" -d 'Wait until a proposal is cleared, decided or done'
complete -c clearance -n "__fish_clearance_using_subcommand help; and not __fish_seen_subcommand_from demo init new propose list show wait mcp plan approve inbox reject withdraw apply rollback verify checkpoint stats sync evidence blast check policy key trust governance doctor graph schema provider generate version help" -f -a "mcp" -d 'Serve the agent\'s side of clearance over the Model Context Protocol, on stdio'
complete -c clearance -n "__fish_clearance_using_subcommand help; and not __fish_seen_subcommand_from demo init new propose list show wait mcp plan approve inbox reject withdraw apply rollback verify checkpoint stats sync evidence blast check policy key trust governance doctor graph schema provider generate version help" -f -a "plan" -d 'Run the provider\'s dry run and commit it as plan.json (earlier approvals go stale)'
complete -c clearance -n "__fish_clearance_using_subcommand help; and not __fish_seen_subcommand_from demo init new propose list show wait mcp plan approve inbox reject withdraw apply rollback verify checkpoint stats sync evidence blast check policy key trust governance doctor graph schema provider generate version help" -f -a "approve" -d 'Approve a proposal by signing exactly what you reviewed'
complete -c clearance -n "__fish_clearance_using_subcommand help; and not __fish_seen_subcommand_from demo init new propose list show wait mcp plan approve inbox reject withdraw apply rollback verify checkpoint stats sync evidence blast check policy key trust governance doctor graph schema provider generate version help" -f -a "inbox" -d 'What waits for you: pending proposals your signature would move, most urgent first'
complete -c clearance -n "__fish_clearance_using_subcommand help; and not __fish_seen_subcommand_from demo init new propose list show wait mcp plan approve inbox reject withdraw apply rollback verify checkpoint stats sync evidence blast check policy key trust governance doctor graph schema provider generate version help" -f -a "reject" -d 'Reject a proposal: a signed veto by an eligible approver'
complete -c clearance -n "__fish_clearance_using_subcommand help; and not __fish_seen_subcommand_from demo init new propose list show wait mcp plan approve inbox reject withdraw apply rollback verify checkpoint stats sync evidence blast check policy key trust governance doctor graph schema provider generate version help" -f -a "withdraw" -d 'Take a proposal back (the proposing agent, or an admin)'
complete -c clearance -n "__fish_clearance_using_subcommand help; and not __fish_seen_subcommand_from demo init new propose list show wait mcp plan approve inbox reject withdraw apply rollback verify checkpoint stats sync evidence blast check policy key trust governance doctor graph schema provider generate version help" -f -a "apply" -d 'Execute a cleared change through its provider, exactly once'
complete -c clearance -n "__fish_clearance_using_subcommand help; and not __fish_seen_subcommand_from demo init new propose list show wait mcp plan approve inbox reject withdraw apply rollback verify checkpoint stats sync evidence blast check policy key trust governance doctor graph schema provider generate version help" -f -a "rollback" -d 'File a proposal\'s rollback as a new proposal, governed like any other'
complete -c clearance -n "__fish_clearance_using_subcommand help; and not __fish_seen_subcommand_from demo init new propose list show wait mcp plan approve inbox reject withdraw apply rollback verify checkpoint stats sync evidence blast check policy key trust governance doctor graph schema provider generate version help" -f -a "verify" -d 'Check evidence, signatures, trust, approvals and quorum; exit 5 on any problem'
complete -c clearance -n "__fish_clearance_using_subcommand help; and not __fish_seen_subcommand_from demo init new propose list show wait mcp plan approve inbox reject withdraw apply rollback verify checkpoint stats sync evidence blast check policy key trust governance doctor graph schema provider generate version help" -f -a "checkpoint" -d 'Sign a checkpoint of the branch: its head, evidence count and governance entry'
complete -c clearance -n "__fish_clearance_using_subcommand help; and not __fish_seen_subcommand_from demo init new propose list show wait mcp plan approve inbox reject withdraw apply rollback verify checkpoint stats sync evidence blast check policy key trust governance doctor graph schema provider generate version help" -f -a "stats" -d 'Autonomy metrics per agent: what clears itself, what waits for humans, how long'
complete -c clearance -n "__fish_clearance_using_subcommand help; and not __fish_seen_subcommand_from demo init new propose list show wait mcp plan approve inbox reject withdraw apply rollback verify checkpoint stats sync evidence blast check policy key trust governance doctor graph schema provider generate version help" -f -a "sync" -d 'Exchange commits with the remote: fetch, replay this clone\'s commits on top, push'
complete -c clearance -n "__fish_clearance_using_subcommand help; and not __fish_seen_subcommand_from demo init new propose list show wait mcp plan approve inbox reject withdraw apply rollback verify checkpoint stats sync evidence blast check policy key trust governance doctor graph schema provider generate version help" -f -a "evidence" -d 'Work with a proposal\'s evidence'
complete -c clearance -n "__fish_clearance_using_subcommand help; and not __fish_seen_subcommand_from demo init new propose list show wait mcp plan approve inbox reject withdraw apply rollback verify checkpoint stats sync evidence blast check policy key trust governance doctor graph schema provider generate version help" -f -a "blast" -d 'Show what a change to TARGET would touch: it and everything that depends on it'
complete -c clearance -n "__fish_clearance_using_subcommand help; and not __fish_seen_subcommand_from demo init new propose list show wait mcp plan approve inbox reject withdraw apply rollback verify checkpoint stats sync evidence blast check policy key trust governance doctor graph schema provider generate version help" -f -a "check" -d 'Ask the policy about a proposal or an intent file, without writing anything'
complete -c clearance -n "__fish_clearance_using_subcommand help; and not __fish_seen_subcommand_from demo init new propose list show wait mcp plan approve inbox reject withdraw apply rollback verify checkpoint stats sync evidence blast check policy key trust governance doctor graph schema provider generate version help" -f -a "policy" -d 'Work with the repository\'s policy'
complete -c clearance -n "__fish_clearance_using_subcommand help; and not __fish_seen_subcommand_from demo init new propose list show wait mcp plan approve inbox reject withdraw apply rollback verify checkpoint stats sync evidence blast check policy key trust governance doctor graph schema provider generate version help" -f -a "key" -d 'Create and inspect signing keys (Ed25519, OpenSSH format)'
complete -c clearance -n "__fish_clearance_using_subcommand help; and not __fish_seen_subcommand_from demo init new propose list show wait mcp plan approve inbox reject withdraw apply rollback verify checkpoint stats sync evidence blast check policy key trust governance doctor graph schema provider generate version help" -f -a "trust" -d 'Manage who may act: trust/identities.yaml'
complete -c clearance -n "__fish_clearance_using_subcommand help; and not __fish_seen_subcommand_from demo init new propose list show wait mcp plan approve inbox reject withdraw apply rollback verify checkpoint stats sync evidence blast check policy key trust governance doctor graph schema provider generate version help" -f -a "governance" -d 'Change and inspect the rules: trust, policy, config, providers and the graph'
complete -c clearance -n "__fish_clearance_using_subcommand help; and not __fish_seen_subcommand_from demo init new propose list show wait mcp plan approve inbox reject withdraw apply rollback verify checkpoint stats sync evidence blast check policy key trust governance doctor graph schema provider generate version help" -f -a "doctor" -d 'Check this clone and this machine: governance, pin, keys, remote, providers'
complete -c clearance -n "__fish_clearance_using_subcommand help; and not __fish_seen_subcommand_from demo init new propose list show wait mcp plan approve inbox reject withdraw apply rollback verify checkpoint stats sync evidence blast check policy key trust governance doctor graph schema provider generate version help" -f -a "graph" -d 'Check or import the service graph'
complete -c clearance -n "__fish_clearance_using_subcommand help; and not __fish_seen_subcommand_from demo init new propose list show wait mcp plan approve inbox reject withdraw apply rollback verify checkpoint stats sync evidence blast check policy key trust governance doctor graph schema provider generate version help" -f -a "schema" -d 'Print the JSON Schema of a document clearance reads'
complete -c clearance -n "__fish_clearance_using_subcommand help; and not __fish_seen_subcommand_from demo init new propose list show wait mcp plan approve inbox reject withdraw apply rollback verify checkpoint stats sync evidence blast check policy key trust governance doctor graph schema provider generate version help" -f -a "provider" -d 'Providers built into clearance, run as `clearance provider NAME OPERATION`'
complete -c clearance -n "__fish_clearance_using_subcommand help; and not __fish_seen_subcommand_from demo init new propose list show wait mcp plan approve inbox reject withdraw apply rollback verify checkpoint stats sync evidence blast check policy key trust governance doctor graph schema provider generate version help" -f -a "generate" -d 'Write shell completions or man pages from the command-line model'
complete -c clearance -n "__fish_clearance_using_subcommand help; and not __fish_seen_subcommand_from demo init new propose list show wait mcp plan approve inbox reject withdraw apply rollback verify checkpoint stats sync evidence blast check policy key trust governance doctor graph schema provider generate version help" -f -a "version" -d 'Print the version (as --version)'
complete -c clearance -n "__fish_clearance_using_subcommand help; and not __fish_seen_subcommand_from demo init new propose list show wait mcp plan approve inbox reject withdraw apply rollback verify checkpoint stats sync evidence blast check policy key trust governance doctor graph schema provider generate version help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c clearance -n "__fish_clearance_using_subcommand help; and __fish_seen_subcommand_from evidence" -f -a "export" -d 'Write one self-contained bundle (intent, plan, approvals, evidence, public keys, decision) that `clearance verify --bundle` checks with no repository at all'
complete -c clearance -n "__fish_clearance_using_subcommand help; and __fish_seen_subcommand_from policy" -f -a "test" -d 'Run every `test_*` rule in policies/*_test.rego of the work tree (the branch\'s in a bare repository): the rules being written, which are not in force until signed'
complete -c clearance -n "__fish_clearance_using_subcommand help; and __fish_seen_subcommand_from key" -f -a "new" -d 'Create a key: in the OS keyring, or with --file as an OpenSSH key file (0600) + .pub'
complete -c clearance -n "__fish_clearance_using_subcommand help; and __fish_seen_subcommand_from key" -f -a "list" -d 'List the keys this machine created (in its keyring, or as files)'
complete -c clearance -n "__fish_clearance_using_subcommand help; and __fish_seen_subcommand_from key" -f -a "show" -d 'Show a key\'s public half and fingerprint (from the keyring, or --file)'
complete -c clearance -n "__fish_clearance_using_subcommand help; and __fish_seen_subcommand_from key" -f -a "export" -d 'Print a key\'s public half in OpenSSH format'
complete -c clearance -n "__fish_clearance_using_subcommand help; and __fish_seen_subcommand_from trust" -f -a "add" -d 'Trust a principal\'s public key in a role (a change to the rules, signed by an admin)'
complete -c clearance -n "__fish_clearance_using_subcommand help; and __fish_seen_subcommand_from trust" -f -a "list" -d 'List the trusted identities in force'
complete -c clearance -n "__fish_clearance_using_subcommand help; and __fish_seen_subcommand_from trust" -f -a "revoke" -d 'Revoke a principal: its signatures from then on count for nothing (signed by an admin)'
complete -c clearance -n "__fish_clearance_using_subcommand help; and __fish_seen_subcommand_from trust" -f -a "allowed-signers" -d 'Print an OpenSSH allowed_signers file for `ssh-keygen -Y verify` and `git verify-commit`'
complete -c clearance -n "__fish_clearance_using_subcommand help; and __fish_seen_subcommand_from governance" -f -a "sign" -d 'Sign a change to the rules: the work tree\'s governed files, or a pending change'
complete -c clearance -n "__fish_clearance_using_subcommand help; and __fish_seen_subcommand_from governance" -f -a "status" -d 'Show the root, the entry in force, pending changes and unauthorized edits'
complete -c clearance -n "__fish_clearance_using_subcommand help; and __fish_seen_subcommand_from governance" -f -a "log" -d 'List the entries of the governance log, oldest first'
complete -c clearance -n "__fish_clearance_using_subcommand help; and __fish_seen_subcommand_from governance" -f -a "adopt" -d 'Give a repository made before governance its genesis, signed by its first admin'
complete -c clearance -n "__fish_clearance_using_subcommand help; and __fish_seen_subcommand_from graph" -f -a "check" -d 'Validate a service graph: the branch\'s, or FILE before you commit it'
complete -c clearance -n "__fish_clearance_using_subcommand help; and __fish_seen_subcommand_from graph" -f -a "list" -d 'List the services of the graph in force: what intents may name as targets'
complete -c clearance -n "__fish_clearance_using_subcommand help; and __fish_seen_subcommand_from graph" -f -a "import" -d 'Build the service graph from another source of truth'
