
use builtin;
use str;

set edit:completion:arg-completer[clearance] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'clearance'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'clearance'= {
            cand --repo 'The change repository [default: discovered from the current directory]'
            cand --format 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid'
            cand --root 'The repository''s root (its genesis hash) to check it against, instead of the pin'
            cand --lock-timeout 'How long to wait for another clearance process writing the same repository'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more: how long the command took'
            cand --verbose 'Say more: how long the command took'
            cand --wide 'Tables show every column in full, however wide the terminal'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand demo 'Walk through the lifecycle on an embedded example, step by step'
            cand init 'Create a change repository from the built-in templates'
            cand new 'Start an intent from a template (restart, scale, rotate a secret, toggle a flag, migrate)'
            cand propose 'Propose a change: validate an intent and commit it to the change repository'
            cand list 'List proposals, newest first'
            cand show 'Show one proposal: its intent, state and evidence'
            cand wait 'Wait until a proposal is cleared, decided or done'
            cand mcp 'Serve the agent''s side of clearance over the Model Context Protocol, on stdio'
            cand plan 'Run the provider''s dry run and commit it as plan.json (earlier approvals go stale)'
            cand approve 'Approve a proposal by signing exactly what you reviewed'
            cand inbox 'What waits for you: pending proposals your signature would move, most urgent first'
            cand reject 'Reject a proposal: a signed veto by an eligible approver'
            cand withdraw 'Take a proposal back (the proposing agent, or an admin)'
            cand apply 'Execute a cleared change through its provider, exactly once'
            cand rollback 'File a proposal''s rollback as a new proposal, governed like any other'
            cand verify 'Check evidence, signatures, trust, approvals and quorum; exit 5 on any problem'
            cand checkpoint 'Sign a checkpoint of the branch: its head, evidence count and governance entry'
            cand stats 'Autonomy metrics per agent: what clears itself, what waits for humans, how long'
            cand sync 'Exchange commits with the remote: fetch, replay this clone''s commits on top, push'
            cand evidence 'Work with a proposal''s evidence'
            cand blast 'Show what a change to TARGET would touch: it and everything that depends on it'
            cand check 'Ask the policy about a proposal or an intent file, without writing anything'
            cand policy 'Work with the repository''s policy'
            cand key 'Create and inspect signing keys (Ed25519, OpenSSH format)'
            cand trust 'Manage who may act: trust/identities.yaml'
            cand governance 'Change and inspect the rules: trust, policy, config, providers and the graph'
            cand doctor 'Check this clone and this machine: governance, pin, keys, remote, providers'
            cand graph 'Check or import the service graph'
            cand schema 'Print the JSON Schema of a document clearance reads'
            cand provider 'Providers built into clearance, run as `clearance provider NAME OPERATION`'
            cand generate 'Write shell completions or man pages from the command-line model'
            cand version 'Print the version (as --version)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'clearance;demo'= {
            cand --repo 'The change repository [default: discovered from the current directory]'
            cand --format 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid'
            cand --root 'The repository''s root (its genesis hash) to check it against, instead of the pin'
            cand --lock-timeout 'How long to wait for another clearance process writing the same repository'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more: how long the command took'
            cand --verbose 'Say more: how long the command took'
            cand --wide 'Tables show every column in full, however wide the terminal'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'clearance;init'= {
            cand --admin 'The first admin''s principal name'
            cand --admin-threshold 'Distinct admin signatures a change to the rules needs (capped at the number of admins)'
            cand --key 'Sign with the key of this name from the OS keyring'
            cand --key-file 'Sign with this OpenSSH private key file (mode 0600)'
            cand --repo 'The change repository [default: discovered from the current directory]'
            cand --format 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid'
            cand --root 'The repository''s root (its genesis hash) to check it against, instead of the pin'
            cand --lock-timeout 'How long to wait for another clearance process writing the same repository'
            cand --bare 'Create a bare repository (no work tree), e.g. for a server'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more: how long the command took'
            cand --verbose 'Say more: how long the command took'
            cand --wide 'Tables show every column in full, however wide the terminal'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'clearance;new'= {
            cand --set 'KEY=VALUE for a placeholder (repeatable)'
            cand -o 'Write to FILE instead of stdout'
            cand --output 'Write to FILE instead of stdout'
            cand --repo 'The change repository [default: discovered from the current directory]'
            cand --format 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid'
            cand --root 'The repository''s root (its genesis hash) to check it against, instead of the pin'
            cand --lock-timeout 'How long to wait for another clearance process writing the same repository'
            cand --list 'List the templates'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more: how long the command took'
            cand --verbose 'Say more: how long the command took'
            cand --wide 'Tables show every column in full, however wide the terminal'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'clearance;propose'= {
            cand -f 'The intent file, or `-` for standard input'
            cand --file 'The intent file, or `-` for standard input'
            cand --key 'Sign with the key of this name from the OS keyring'
            cand --key-file 'Sign with this OpenSSH private key file (mode 0600)'
            cand --repo 'The change repository [default: discovered from the current directory]'
            cand --format 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid'
            cand --root 'The repository''s root (its genesis hash) to check it against, instead of the pin'
            cand --lock-timeout 'How long to wait for another clearance process writing the same repository'
            cand --dry-run 'Validate and show the outcome without writing (or signing) anything'
            cand --push 'Sync with the remote: push this write (approve, reject, withdraw and plan fetch first, to act on every machine''s record) [default with `sync: auto`]'
            cand --no-push 'Keep this write local even with `sync: auto` in clearance.yaml (for apply: even when the repository has a remote)'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more: how long the command took'
            cand --verbose 'Say more: how long the command took'
            cand --wide 'Tables show every column in full, however wide the terminal'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'clearance;list'= {
            cand --state 'Only proposals in this state'
            cand --agent 'Only proposals by this agent'
            cand --env 'Only proposals for this environment'
            cand --target 'Only proposals that target this service'
            cand -n 'Show at most this many'
            cand --limit 'Show at most this many'
            cand --repo 'The change repository [default: discovered from the current directory]'
            cand --format 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid'
            cand --root 'The repository''s root (its genesis hash) to check it against, instead of the pin'
            cand --lock-timeout 'How long to wait for another clearance process writing the same repository'
            cand --strict 'Exit 5 when some proposal cannot be read (it is listed as `broken` either way)'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more: how long the command took'
            cand --verbose 'Say more: how long the command took'
            cand --wide 'Tables show every column in full, however wide the terminal'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'clearance;show'= {
            cand --repo 'The change repository [default: discovered from the current directory]'
            cand --format 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid'
            cand --root 'The repository''s root (its genesis hash) to check it against, instead of the pin'
            cand --lock-timeout 'How long to wait for another clearance process writing the same repository'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more: how long the command took'
            cand --verbose 'Say more: how long the command took'
            cand --wide 'Tables show every column in full, however wide the terminal'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'clearance;wait'= {
            cand --until 'What to wait for'
            cand --timeout 'Give up after this long (`90s`, `30m`, `2h`)'
            cand --remote 'Fetch from this remote while waiting [default: the configured remote with `sync: auto`]'
            cand --repo 'The change repository [default: discovered from the current directory]'
            cand --format 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid'
            cand --root 'The repository''s root (its genesis hash) to check it against, instead of the pin'
            cand --lock-timeout 'How long to wait for another clearance process writing the same repository'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more: how long the command took'
            cand --verbose 'Say more: how long the command took'
            cand --wide 'Tables show every column in full, however wide the terminal'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'clearance;mcp'= {
            cand --repo 'The change repository [default: discovered from the current directory]'
            cand --format 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid'
            cand --root 'The repository''s root (its genesis hash) to check it against, instead of the pin'
            cand --lock-timeout 'How long to wait for another clearance process writing the same repository'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more: how long the command took'
            cand --verbose 'Say more: how long the command took'
            cand --wide 'Tables show every column in full, however wide the terminal'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'clearance;plan'= {
            cand --key 'Sign with the key of this name from the OS keyring'
            cand --key-file 'Sign with this OpenSSH private key file (mode 0600)'
            cand --repo 'The change repository [default: discovered from the current directory]'
            cand --format 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid'
            cand --root 'The repository''s root (its genesis hash) to check it against, instead of the pin'
            cand --lock-timeout 'How long to wait for another clearance process writing the same repository'
            cand --push 'Sync with the remote: push this write (approve, reject, withdraw and plan fetch first, to act on every machine''s record) [default with `sync: auto`]'
            cand --no-push 'Keep this write local even with `sync: auto` in clearance.yaml (for apply: even when the repository has a remote)'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more: how long the command took'
            cand --verbose 'Say more: how long the command took'
            cand --wide 'Tables show every column in full, however wide the terminal'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'clearance;approve'= {
            cand --key 'Sign with the key of this name from the OS keyring'
            cand --key-file 'Sign with this OpenSSH private key file (mode 0600)'
            cand -m 'A comment stored with (and signed in) the approval'
            cand --comment 'A comment stored with (and signed in) the approval'
            cand --expires 'How long it stays valid, e.g. 4h [default: clearance.yaml defaults.approval_expiry]'
            cand --repo 'The change repository [default: discovered from the current directory]'
            cand --format 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid'
            cand --root 'The repository''s root (its genesis hash) to check it against, instead of the pin'
            cand --lock-timeout 'How long to wait for another clearance process writing the same repository'
            cand -y 'Do not ask; required without a terminal'
            cand --yes 'Do not ask; required without a terminal'
            cand --anyway 'Sign even when the signature would count for nothing: it fills no missing slot (already cleared, vetoed, or needing other groups) or you sponsor the agent'
            cand --push 'Sync with the remote: push this write (approve, reject, withdraw and plan fetch first, to act on every machine''s record) [default with `sync: auto`]'
            cand --no-push 'Keep this write local even with `sync: auto` in clearance.yaml (for apply: even when the repository has a remote)'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more: how long the command took'
            cand --verbose 'Say more: how long the command took'
            cand --wide 'Tables show every column in full, however wide the terminal'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'clearance;inbox'= {
            cand --key 'Sign with the key of this name from the OS keyring'
            cand --key-file 'Sign with this OpenSSH private key file (mode 0600)'
            cand --repo 'The change repository [default: discovered from the current directory]'
            cand --format 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid'
            cand --root 'The repository''s root (its genesis hash) to check it against, instead of the pin'
            cand --lock-timeout 'How long to wait for another clearance process writing the same repository'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more: how long the command took'
            cand --verbose 'Say more: how long the command took'
            cand --wide 'Tables show every column in full, however wide the terminal'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'clearance;reject'= {
            cand --key 'Sign with the key of this name from the OS keyring'
            cand --key-file 'Sign with this OpenSSH private key file (mode 0600)'
            cand -m 'A comment stored with (and signed in) the approval'
            cand --comment 'A comment stored with (and signed in) the approval'
            cand --expires 'How long it stays valid, e.g. 4h [default: clearance.yaml defaults.approval_expiry]'
            cand --repo 'The change repository [default: discovered from the current directory]'
            cand --format 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid'
            cand --root 'The repository''s root (its genesis hash) to check it against, instead of the pin'
            cand --lock-timeout 'How long to wait for another clearance process writing the same repository'
            cand -y 'Do not ask; required without a terminal'
            cand --yes 'Do not ask; required without a terminal'
            cand --anyway 'Sign even when the signature would count for nothing: it fills no missing slot (already cleared, vetoed, or needing other groups) or you sponsor the agent'
            cand --push 'Sync with the remote: push this write (approve, reject, withdraw and plan fetch first, to act on every machine''s record) [default with `sync: auto`]'
            cand --no-push 'Keep this write local even with `sync: auto` in clearance.yaml (for apply: even when the repository has a remote)'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more: how long the command took'
            cand --verbose 'Say more: how long the command took'
            cand --wide 'Tables show every column in full, however wide the terminal'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'clearance;withdraw'= {
            cand -m 'Why, recorded in evidence (`--comment` as in approve)'
            cand --reason 'Why, recorded in evidence (`--comment` as in approve)'
            cand --comment 'Why, recorded in evidence (`--comment` as in approve)'
            cand --key 'Sign with the key of this name from the OS keyring'
            cand --key-file 'Sign with this OpenSSH private key file (mode 0600)'
            cand --repo 'The change repository [default: discovered from the current directory]'
            cand --format 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid'
            cand --root 'The repository''s root (its genesis hash) to check it against, instead of the pin'
            cand --lock-timeout 'How long to wait for another clearance process writing the same repository'
            cand --push 'Sync with the remote: push this write (approve, reject, withdraw and plan fetch first, to act on every machine''s record) [default with `sync: auto`]'
            cand --no-push 'Keep this write local even with `sync: auto` in clearance.yaml (for apply: even when the repository has a remote)'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more: how long the command took'
            cand --verbose 'Say more: how long the command took'
            cand --wide 'Tables show every column in full, however wide the terminal'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'clearance;apply'= {
            cand --key 'Sign with the key of this name from the OS keyring'
            cand --key-file 'Sign with this OpenSSH private key file (mode 0600)'
            cand --repo 'The change repository [default: discovered from the current directory]'
            cand --format 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid'
            cand --root 'The repository''s root (its genesis hash) to check it against, instead of the pin'
            cand --lock-timeout 'How long to wait for another clearance process writing the same repository'
            cand --resume 'Re-run a change whose earlier run crashed after `apply-started`'
            cand --push 'Sync with the remote: push this write (approve, reject, withdraw and plan fetch first, to act on every machine''s record) [default with `sync: auto`]'
            cand --no-push 'Keep this write local even with `sync: auto` in clearance.yaml (for apply: even when the repository has a remote)'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more: how long the command took'
            cand --verbose 'Say more: how long the command took'
            cand --wide 'Tables show every column in full, however wide the terminal'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'clearance;rollback'= {
            cand --key 'Sign with the key of this name from the OS keyring'
            cand --key-file 'Sign with this OpenSSH private key file (mode 0600)'
            cand --repo 'The change repository [default: discovered from the current directory]'
            cand --format 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid'
            cand --root 'The repository''s root (its genesis hash) to check it against, instead of the pin'
            cand --lock-timeout 'How long to wait for another clearance process writing the same repository'
            cand --push 'Sync with the remote: push this write (approve, reject, withdraw and plan fetch first, to act on every machine''s record) [default with `sync: auto`]'
            cand --no-push 'Keep this write local even with `sync: auto` in clearance.yaml (for apply: even when the repository has a remote)'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more: how long the command took'
            cand --verbose 'Say more: how long the command took'
            cand --wide 'Tables show every column in full, however wide the terminal'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'clearance;verify'= {
            cand --bundle 'Verify an exported bundle instead of the repository'
            cand --checkpoint 'Also prove the history extends this checkpoint (from `clearance checkpoint`, kept elsewhere)'
            cand --repo 'The change repository [default: discovered from the current directory]'
            cand --format 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid'
            cand --root 'The repository''s root (its genesis hash) to check it against, instead of the pin'
            cand --lock-timeout 'How long to wait for another clearance process writing the same repository'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more: how long the command took'
            cand --verbose 'Say more: how long the command took'
            cand --wide 'Tables show every column in full, however wide the terminal'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'clearance;checkpoint'= {
            cand --key 'Sign with the key of this name from the OS keyring'
            cand --key-file 'Sign with this OpenSSH private key file (mode 0600)'
            cand --repo 'The change repository [default: discovered from the current directory]'
            cand --format 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid'
            cand --root 'The repository''s root (its genesis hash) to check it against, instead of the pin'
            cand --lock-timeout 'How long to wait for another clearance process writing the same repository'
            cand --push 'Sync with the remote: push this write (approve, reject, withdraw and plan fetch first, to act on every machine''s record) [default with `sync: auto`]'
            cand --no-push 'Keep this write local even with `sync: auto` in clearance.yaml (for apply: even when the repository has a remote)'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more: how long the command took'
            cand --verbose 'Say more: how long the command took'
            cand --wide 'Tables show every column in full, however wide the terminal'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'clearance;stats'= {
            cand --since 'Only proposals from this long ago until now, e.g. 24h, 7d'
            cand --agent 'Only this agent'
            cand --repo 'The change repository [default: discovered from the current directory]'
            cand --format 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid'
            cand --root 'The repository''s root (its genesis hash) to check it against, instead of the pin'
            cand --lock-timeout 'How long to wait for another clearance process writing the same repository'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more: how long the command took'
            cand --verbose 'Say more: how long the command took'
            cand --wide 'Tables show every column in full, however wide the terminal'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'clearance;sync'= {
            cand --remote 'The git remote [default: `remote:` in clearance.yaml, or origin]'
            cand --key 'Sign with the key of this name from the OS keyring'
            cand --key-file 'Sign with this OpenSSH private key file (mode 0600)'
            cand --repo 'The change repository [default: discovered from the current directory]'
            cand --format 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid'
            cand --root 'The repository''s root (its genesis hash) to check it against, instead of the pin'
            cand --lock-timeout 'How long to wait for another clearance process writing the same repository'
            cand --accept-rewrite 'Accept that the remote''s history was rewritten (an admin''s key; recorded in a signed checkpoint)'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more: how long the command took'
            cand --verbose 'Say more: how long the command took'
            cand --wide 'Tables show every column in full, however wide the terminal'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'clearance;evidence'= {
            cand --repo 'The change repository [default: discovered from the current directory]'
            cand --format 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid'
            cand --root 'The repository''s root (its genesis hash) to check it against, instead of the pin'
            cand --lock-timeout 'How long to wait for another clearance process writing the same repository'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more: how long the command took'
            cand --verbose 'Say more: how long the command took'
            cand --wide 'Tables show every column in full, however wide the terminal'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand export 'Write one self-contained bundle (intent, plan, approvals, evidence, public keys, decision) that `clearance verify --bundle` checks with no repository at all'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'clearance;evidence;export'= {
            cand -o 'Write here instead of stdout'
            cand --output 'Write here instead of stdout'
            cand --repo 'The change repository [default: discovered from the current directory]'
            cand --format 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid'
            cand --root 'The repository''s root (its genesis hash) to check it against, instead of the pin'
            cand --lock-timeout 'How long to wait for another clearance process writing the same repository'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more: how long the command took'
            cand --verbose 'Say more: how long the command took'
            cand --wide 'Tables show every column in full, however wide the terminal'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'clearance;evidence;help'= {
            cand export 'Write one self-contained bundle (intent, plan, approvals, evidence, public keys, decision) that `clearance verify --bundle` checks with no repository at all'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'clearance;evidence;help;export'= {
        }
        &'clearance;evidence;help;help'= {
        }
        &'clearance;blast'= {
            cand --env 'The environment the change is for (recorded in the output)'
            cand --depth 'Stop after this many hops from the targets'
            cand -n 'Show the N most critical services (tier, then depth) [default: what fits the terminal''s height, or 50]'
            cand --limit 'Show the N most critical services (tier, then depth) [default: what fits the terminal''s height, or 50]'
            cand --repo 'The change repository [default: discovered from the current directory]'
            cand --format 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid'
            cand --root 'The repository''s root (its genesis hash) to check it against, instead of the pin'
            cand --lock-timeout 'How long to wait for another clearance process writing the same repository'
            cand --all 'Show every impacted service'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more: how long the command took'
            cand --verbose 'Say more: how long the command took'
            cand --wide 'Tables show every column in full, however wide the terminal'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'clearance;check'= {
            cand -f 'An intent file, or `-` for standard input'
            cand --file 'An intent file, or `-` for standard input'
            cand --rules 'Which rules decide: those in force, or the work tree''s (to try edits before signing them)'
            cand --repo 'The change repository [default: discovered from the current directory]'
            cand --format 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid'
            cand --root 'The repository''s root (its genesis hash) to check it against, instead of the pin'
            cand --lock-timeout 'How long to wait for another clearance process writing the same repository'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more: how long the command took'
            cand --verbose 'Say more: how long the command took'
            cand --wide 'Tables show every column in full, however wide the terminal'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'clearance;policy'= {
            cand --repo 'The change repository [default: discovered from the current directory]'
            cand --format 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid'
            cand --root 'The repository''s root (its genesis hash) to check it against, instead of the pin'
            cand --lock-timeout 'How long to wait for another clearance process writing the same repository'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more: how long the command took'
            cand --verbose 'Say more: how long the command took'
            cand --wide 'Tables show every column in full, however wide the terminal'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand test 'Run every `test_*` rule in policies/*_test.rego of the work tree (the branch''s in a bare repository): the rules being written, which are not in force until signed'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'clearance;policy;test'= {
            cand --repo 'The change repository [default: discovered from the current directory]'
            cand --format 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid'
            cand --root 'The repository''s root (its genesis hash) to check it against, instead of the pin'
            cand --lock-timeout 'How long to wait for another clearance process writing the same repository'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more: how long the command took'
            cand --verbose 'Say more: how long the command took'
            cand --wide 'Tables show every column in full, however wide the terminal'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'clearance;policy;help'= {
            cand test 'Run every `test_*` rule in policies/*_test.rego of the work tree (the branch''s in a bare repository): the rules being written, which are not in force until signed'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'clearance;policy;help;test'= {
        }
        &'clearance;policy;help;help'= {
        }
        &'clearance;key'= {
            cand --repo 'The change repository [default: discovered from the current directory]'
            cand --format 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid'
            cand --root 'The repository''s root (its genesis hash) to check it against, instead of the pin'
            cand --lock-timeout 'How long to wait for another clearance process writing the same repository'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more: how long the command took'
            cand --verbose 'Say more: how long the command took'
            cand --wide 'Tables show every column in full, however wide the terminal'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand new 'Create a key: in the OS keyring, or with --file as an OpenSSH key file (0600) + .pub'
            cand list 'List the keys this machine created (in its keyring, or as files)'
            cand show 'Show a key''s public half and fingerprint (from the keyring, or --file)'
            cand export 'Print a key''s public half in OpenSSH format'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'clearance;key;new'= {
            cand --file 'Write an OpenSSH private key file (and FILE.pub) instead of using the keyring'
            cand --repo 'The change repository [default: discovered from the current directory]'
            cand --format 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid'
            cand --root 'The repository''s root (its genesis hash) to check it against, instead of the pin'
            cand --lock-timeout 'How long to wait for another clearance process writing the same repository'
            cand --force 'Replace an existing key of that name'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more: how long the command took'
            cand --verbose 'Say more: how long the command took'
            cand --wide 'Tables show every column in full, however wide the terminal'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'clearance;key;list'= {
            cand --repo 'The change repository [default: discovered from the current directory]'
            cand --format 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid'
            cand --root 'The repository''s root (its genesis hash) to check it against, instead of the pin'
            cand --lock-timeout 'How long to wait for another clearance process writing the same repository'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more: how long the command took'
            cand --verbose 'Say more: how long the command took'
            cand --wide 'Tables show every column in full, however wide the terminal'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'clearance;key;show'= {
            cand --file 'file'
            cand --repo 'The change repository [default: discovered from the current directory]'
            cand --format 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid'
            cand --root 'The repository''s root (its genesis hash) to check it against, instead of the pin'
            cand --lock-timeout 'How long to wait for another clearance process writing the same repository'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more: how long the command took'
            cand --verbose 'Say more: how long the command took'
            cand --wide 'Tables show every column in full, however wide the terminal'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'clearance;key;export'= {
            cand --file 'file'
            cand --repo 'The change repository [default: discovered from the current directory]'
            cand --format 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid'
            cand --root 'The repository''s root (its genesis hash) to check it against, instead of the pin'
            cand --lock-timeout 'How long to wait for another clearance process writing the same repository'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more: how long the command took'
            cand --verbose 'Say more: how long the command took'
            cand --wide 'Tables show every column in full, however wide the terminal'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'clearance;key;help'= {
            cand new 'Create a key: in the OS keyring, or with --file as an OpenSSH key file (0600) + .pub'
            cand list 'List the keys this machine created (in its keyring, or as files)'
            cand show 'Show a key''s public half and fingerprint (from the keyring, or --file)'
            cand export 'Print a key''s public half in OpenSSH format'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'clearance;key;help;new'= {
        }
        &'clearance;key;help;list'= {
        }
        &'clearance;key;help;show'= {
        }
        &'clearance;key;help;export'= {
        }
        &'clearance;key;help;help'= {
        }
        &'clearance;trust'= {
            cand --repo 'The change repository [default: discovered from the current directory]'
            cand --format 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid'
            cand --root 'The repository''s root (its genesis hash) to check it against, instead of the pin'
            cand --lock-timeout 'How long to wait for another clearance process writing the same repository'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more: how long the command took'
            cand --verbose 'Say more: how long the command took'
            cand --wide 'Tables show every column in full, however wide the terminal'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand add 'Trust a principal''s public key in a role (a change to the rules, signed by an admin)'
            cand list 'List the trusted identities in force'
            cand revoke 'Revoke a principal: its signatures from then on count for nothing (signed by an admin)'
            cand allowed-signers 'Print an OpenSSH allowed_signers file for `ssh-keygen -Y verify` and `git verify-commit`'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'clearance;trust;add'= {
            cand --role 'role'
            cand --group 'Group for approval quorums (repeatable)'
            cand --key 'The principal''s OpenSSH public key: the text, or a path to a .pub file'
            cand --sponsor 'For agents: the accountable human'
            cand --allow-action 'For agents: an action it may propose, `rds.*` style (repeatable)'
            cand --allow-env 'For agents: an environment it may act in (repeatable)'
            cand --signer 'Sign the change with the key of this name from the OS keyring'
            cand --signer-file 'Sign the change with this OpenSSH private key file (mode 0600)'
            cand --repo 'The change repository [default: discovered from the current directory]'
            cand --format 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid'
            cand --root 'The repository''s root (its genesis hash) to check it against, instead of the pin'
            cand --lock-timeout 'How long to wait for another clearance process writing the same repository'
            cand --replace 'Replace an existing entry for this principal'
            cand --push 'Sync with the remote: push this write (approve, reject, withdraw and plan fetch first, to act on every machine''s record) [default with `sync: auto`]'
            cand --no-push 'Keep this write local even with `sync: auto` in clearance.yaml (for apply: even when the repository has a remote)'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more: how long the command took'
            cand --verbose 'Say more: how long the command took'
            cand --wide 'Tables show every column in full, however wide the terminal'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'clearance;trust;list'= {
            cand --repo 'The change repository [default: discovered from the current directory]'
            cand --format 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid'
            cand --root 'The repository''s root (its genesis hash) to check it against, instead of the pin'
            cand --lock-timeout 'How long to wait for another clearance process writing the same repository'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more: how long the command took'
            cand --verbose 'Say more: how long the command took'
            cand --wide 'Tables show every column in full, however wide the terminal'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'clearance;trust;revoke'= {
            cand --at 'When the revocation takes effect (RFC 3339) [default: now]'
            cand --signer 'Sign the change with the key of this name from the OS keyring'
            cand --signer-file 'Sign the change with this OpenSSH private key file (mode 0600)'
            cand --repo 'The change repository [default: discovered from the current directory]'
            cand --format 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid'
            cand --root 'The repository''s root (its genesis hash) to check it against, instead of the pin'
            cand --lock-timeout 'How long to wait for another clearance process writing the same repository'
            cand --push 'Sync with the remote: push this write (approve, reject, withdraw and plan fetch first, to act on every machine''s record) [default with `sync: auto`]'
            cand --no-push 'Keep this write local even with `sync: auto` in clearance.yaml (for apply: even when the repository has a remote)'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more: how long the command took'
            cand --verbose 'Say more: how long the command took'
            cand --wide 'Tables show every column in full, however wide the terminal'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'clearance;trust;allowed-signers'= {
            cand --repo 'The change repository [default: discovered from the current directory]'
            cand --format 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid'
            cand --root 'The repository''s root (its genesis hash) to check it against, instead of the pin'
            cand --lock-timeout 'How long to wait for another clearance process writing the same repository'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more: how long the command took'
            cand --verbose 'Say more: how long the command took'
            cand --wide 'Tables show every column in full, however wide the terminal'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'clearance;trust;help'= {
            cand add 'Trust a principal''s public key in a role (a change to the rules, signed by an admin)'
            cand list 'List the trusted identities in force'
            cand revoke 'Revoke a principal: its signatures from then on count for nothing (signed by an admin)'
            cand allowed-signers 'Print an OpenSSH allowed_signers file for `ssh-keygen -Y verify` and `git verify-commit`'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'clearance;trust;help;add'= {
        }
        &'clearance;trust;help;list'= {
        }
        &'clearance;trust;help;revoke'= {
        }
        &'clearance;trust;help;allowed-signers'= {
        }
        &'clearance;trust;help;help'= {
        }
        &'clearance;governance'= {
            cand --repo 'The change repository [default: discovered from the current directory]'
            cand --format 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid'
            cand --root 'The repository''s root (its genesis hash) to check it against, instead of the pin'
            cand --lock-timeout 'How long to wait for another clearance process writing the same repository'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more: how long the command took'
            cand --verbose 'Say more: how long the command took'
            cand --wide 'Tables show every column in full, however wide the terminal'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand sign 'Sign a change to the rules: the work tree''s governed files, or a pending change'
            cand status 'Show the root, the entry in force, pending changes and unauthorized edits'
            cand log 'List the entries of the governance log, oldest first'
            cand adopt 'Give a repository made before governance its genesis, signed by its first admin'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'clearance;governance;sign'= {
            cand --key 'Sign with the key of this name from the OS keyring'
            cand --key-file 'Sign with this OpenSSH private key file (mode 0600)'
            cand -m 'What the change is, in a few words (kept in the log)'
            cand --message 'What the change is, in a few words (kept in the log)'
            cand --add-admin 'Add (or re-key) an admin: NAME=PUBKEY, the key as text or a .pub file (repeatable)'
            cand --remove-admin 'Remove an admin (repeatable)'
            cand --admin-threshold 'Distinct admin signatures that changes to the rules need from now on'
            cand --repo 'The change repository [default: discovered from the current directory]'
            cand --format 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid'
            cand --root 'The repository''s root (its genesis hash) to check it against, instead of the pin'
            cand --lock-timeout 'How long to wait for another clearance process writing the same repository'
            cand -y 'Do not ask; required without a terminal'
            cand --yes 'Do not ask; required without a terminal'
            cand --push 'Sync with the remote: push this write (approve, reject, withdraw and plan fetch first, to act on every machine''s record) [default with `sync: auto`]'
            cand --no-push 'Keep this write local even with `sync: auto` in clearance.yaml (for apply: even when the repository has a remote)'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more: how long the command took'
            cand --verbose 'Say more: how long the command took'
            cand --wide 'Tables show every column in full, however wide the terminal'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'clearance;governance;status'= {
            cand --repo 'The change repository [default: discovered from the current directory]'
            cand --format 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid'
            cand --root 'The repository''s root (its genesis hash) to check it against, instead of the pin'
            cand --lock-timeout 'How long to wait for another clearance process writing the same repository'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more: how long the command took'
            cand --verbose 'Say more: how long the command took'
            cand --wide 'Tables show every column in full, however wide the terminal'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'clearance;governance;log'= {
            cand --repo 'The change repository [default: discovered from the current directory]'
            cand --format 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid'
            cand --root 'The repository''s root (its genesis hash) to check it against, instead of the pin'
            cand --lock-timeout 'How long to wait for another clearance process writing the same repository'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more: how long the command took'
            cand --verbose 'Say more: how long the command took'
            cand --wide 'Tables show every column in full, however wide the terminal'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'clearance;governance;adopt'= {
            cand --admin 'The first admin''s principal name [default: the trusted identity holding the key, else `admin`]'
            cand --admin-threshold 'Distinct admin signatures a change to the rules needs (capped at the number of admins)'
            cand --key 'Sign with the key of this name from the OS keyring'
            cand --key-file 'Sign with this OpenSSH private key file (mode 0600)'
            cand --repo 'The change repository [default: discovered from the current directory]'
            cand --format 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid'
            cand --root 'The repository''s root (its genesis hash) to check it against, instead of the pin'
            cand --lock-timeout 'How long to wait for another clearance process writing the same repository'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more: how long the command took'
            cand --verbose 'Say more: how long the command took'
            cand --wide 'Tables show every column in full, however wide the terminal'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'clearance;governance;help'= {
            cand sign 'Sign a change to the rules: the work tree''s governed files, or a pending change'
            cand status 'Show the root, the entry in force, pending changes and unauthorized edits'
            cand log 'List the entries of the governance log, oldest first'
            cand adopt 'Give a repository made before governance its genesis, signed by its first admin'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'clearance;governance;help;sign'= {
        }
        &'clearance;governance;help;status'= {
        }
        &'clearance;governance;help;log'= {
        }
        &'clearance;governance;help;adopt'= {
        }
        &'clearance;governance;help;help'= {
        }
        &'clearance;doctor'= {
            cand --repo 'The change repository [default: discovered from the current directory]'
            cand --format 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid'
            cand --root 'The repository''s root (its genesis hash) to check it against, instead of the pin'
            cand --lock-timeout 'How long to wait for another clearance process writing the same repository'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more: how long the command took'
            cand --verbose 'Say more: how long the command took'
            cand --wide 'Tables show every column in full, however wide the terminal'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'clearance;graph'= {
            cand --repo 'The change repository [default: discovered from the current directory]'
            cand --format 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid'
            cand --root 'The repository''s root (its genesis hash) to check it against, instead of the pin'
            cand --lock-timeout 'How long to wait for another clearance process writing the same repository'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more: how long the command took'
            cand --verbose 'Say more: how long the command took'
            cand --wide 'Tables show every column in full, however wide the terminal'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand check 'Validate a service graph: the branch''s, or FILE before you commit it'
            cand list 'List the services of the graph in force: what intents may name as targets'
            cand import 'Build the service graph from another source of truth'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'clearance;graph;check'= {
            cand --repo 'The change repository [default: discovered from the current directory]'
            cand --format 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid'
            cand --root 'The repository''s root (its genesis hash) to check it against, instead of the pin'
            cand --lock-timeout 'How long to wait for another clearance process writing the same repository'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more: how long the command took'
            cand --verbose 'Say more: how long the command took'
            cand --wide 'Tables show every column in full, however wide the terminal'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'clearance;graph;list'= {
            cand --owner 'Only services this team owns'
            cand --tier 'Only services of this tier (0 most critical .. 3)'
            cand --repo 'The change repository [default: discovered from the current directory]'
            cand --format 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid'
            cand --root 'The repository''s root (its genesis hash) to check it against, instead of the pin'
            cand --lock-timeout 'How long to wait for another clearance process writing the same repository'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more: how long the command took'
            cand --verbose 'Say more: how long the command took'
            cand --wide 'Tables show every column in full, however wide the terminal'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'clearance;graph;import'= {
            cand --repo 'The change repository [default: discovered from the current directory]'
            cand --format 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid'
            cand --root 'The repository''s root (its genesis hash) to check it against, instead of the pin'
            cand --lock-timeout 'How long to wait for another clearance process writing the same repository'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more: how long the command took'
            cand --verbose 'Say more: how long the command took'
            cand --wide 'Tables show every column in full, however wide the terminal'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand backstage 'Turn Backstage catalog entities (Component, Resource, API, System) into a graph'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'clearance;graph;import;backstage'= {
            cand --key 'Sign with the key of this name from the OS keyring'
            cand --key-file 'Sign with this OpenSSH private key file (mode 0600)'
            cand --repo 'The change repository [default: discovered from the current directory]'
            cand --format 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid'
            cand --root 'The repository''s root (its genesis hash) to check it against, instead of the pin'
            cand --lock-timeout 'How long to wait for another clearance process writing the same repository'
            cand --commit 'Sign the result into force as graph/services.yaml instead of printing it (the key must be a graph maintainer''s or an admin''s)'
            cand --push 'Sync with the remote: push this write (approve, reject, withdraw and plan fetch first, to act on every machine''s record) [default with `sync: auto`]'
            cand --no-push 'Keep this write local even with `sync: auto` in clearance.yaml (for apply: even when the repository has a remote)'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more: how long the command took'
            cand --verbose 'Say more: how long the command took'
            cand --wide 'Tables show every column in full, however wide the terminal'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'clearance;graph;import;help'= {
            cand backstage 'Turn Backstage catalog entities (Component, Resource, API, System) into a graph'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'clearance;graph;import;help;backstage'= {
        }
        &'clearance;graph;import;help;help'= {
        }
        &'clearance;graph;help'= {
            cand check 'Validate a service graph: the branch''s, or FILE before you commit it'
            cand list 'List the services of the graph in force: what intents may name as targets'
            cand import 'Build the service graph from another source of truth'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'clearance;graph;help;check'= {
        }
        &'clearance;graph;help;list'= {
        }
        &'clearance;graph;help;import'= {
            cand backstage 'Turn Backstage catalog entities (Component, Resource, API, System) into a graph'
        }
        &'clearance;graph;help;import;backstage'= {
        }
        &'clearance;graph;help;help'= {
        }
        &'clearance;schema'= {
            cand --repo 'The change repository [default: discovered from the current directory]'
            cand --format 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid'
            cand --root 'The repository''s root (its genesis hash) to check it against, instead of the pin'
            cand --lock-timeout 'How long to wait for another clearance process writing the same repository'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more: how long the command took'
            cand --verbose 'Say more: how long the command took'
            cand --wide 'Tables show every column in full, however wide the terminal'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'clearance;provider'= {
            cand --repo 'The change repository [default: discovered from the current directory]'
            cand --format 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid'
            cand --root 'The repository''s root (its genesis hash) to check it against, instead of the pin'
            cand --lock-timeout 'How long to wait for another clearance process writing the same repository'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more: how long the command took'
            cand --verbose 'Say more: how long the command took'
            cand --wide 'Tables show every column in full, however wide the terminal'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'clearance;generate'= {
            cand --repo 'The change repository [default: discovered from the current directory]'
            cand --format 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid'
            cand --root 'The repository''s root (its genesis hash) to check it against, instead of the pin'
            cand --lock-timeout 'How long to wait for another clearance process writing the same repository'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more: how long the command took'
            cand --verbose 'Say more: how long the command took'
            cand --wide 'Tables show every column in full, however wide the terminal'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'clearance;version'= {
            cand --repo 'The change repository [default: discovered from the current directory]'
            cand --format 'Output format: human tables and text (the default, unless this machine''s config.yaml says `format:`), JSON for programs; `blast` also draws dot and mermaid'
            cand --root 'The repository''s root (its genesis hash) to check it against, instead of the pin'
            cand --lock-timeout 'How long to wait for another clearance process writing the same repository'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more: how long the command took'
            cand --verbose 'Say more: how long the command took'
            cand --wide 'Tables show every column in full, however wide the terminal'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'clearance;help'= {
            cand demo 'Walk through the lifecycle on an embedded example, step by step'
            cand init 'Create a change repository from the built-in templates'
            cand new 'Start an intent from a template (restart, scale, rotate a secret, toggle a flag, migrate)'
            cand propose 'Propose a change: validate an intent and commit it to the change repository'
            cand list 'List proposals, newest first'
            cand show 'Show one proposal: its intent, state and evidence'
            cand wait 'Wait until a proposal is cleared, decided or done'
            cand mcp 'Serve the agent''s side of clearance over the Model Context Protocol, on stdio'
            cand plan 'Run the provider''s dry run and commit it as plan.json (earlier approvals go stale)'
            cand approve 'Approve a proposal by signing exactly what you reviewed'
            cand inbox 'What waits for you: pending proposals your signature would move, most urgent first'
            cand reject 'Reject a proposal: a signed veto by an eligible approver'
            cand withdraw 'Take a proposal back (the proposing agent, or an admin)'
            cand apply 'Execute a cleared change through its provider, exactly once'
            cand rollback 'File a proposal''s rollback as a new proposal, governed like any other'
            cand verify 'Check evidence, signatures, trust, approvals and quorum; exit 5 on any problem'
            cand checkpoint 'Sign a checkpoint of the branch: its head, evidence count and governance entry'
            cand stats 'Autonomy metrics per agent: what clears itself, what waits for humans, how long'
            cand sync 'Exchange commits with the remote: fetch, replay this clone''s commits on top, push'
            cand evidence 'Work with a proposal''s evidence'
            cand blast 'Show what a change to TARGET would touch: it and everything that depends on it'
            cand check 'Ask the policy about a proposal or an intent file, without writing anything'
            cand policy 'Work with the repository''s policy'
            cand key 'Create and inspect signing keys (Ed25519, OpenSSH format)'
            cand trust 'Manage who may act: trust/identities.yaml'
            cand governance 'Change and inspect the rules: trust, policy, config, providers and the graph'
            cand doctor 'Check this clone and this machine: governance, pin, keys, remote, providers'
            cand graph 'Check or import the service graph'
            cand schema 'Print the JSON Schema of a document clearance reads'
            cand provider 'Providers built into clearance, run as `clearance provider NAME OPERATION`'
            cand generate 'Write shell completions or man pages from the command-line model'
            cand version 'Print the version (as --version)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'clearance;help;demo'= {
        }
        &'clearance;help;init'= {
        }
        &'clearance;help;new'= {
        }
        &'clearance;help;propose'= {
        }
        &'clearance;help;list'= {
        }
        &'clearance;help;show'= {
        }
        &'clearance;help;wait'= {
        }
        &'clearance;help;mcp'= {
        }
        &'clearance;help;plan'= {
        }
        &'clearance;help;approve'= {
        }
        &'clearance;help;inbox'= {
        }
        &'clearance;help;reject'= {
        }
        &'clearance;help;withdraw'= {
        }
        &'clearance;help;apply'= {
        }
        &'clearance;help;rollback'= {
        }
        &'clearance;help;verify'= {
        }
        &'clearance;help;checkpoint'= {
        }
        &'clearance;help;stats'= {
        }
        &'clearance;help;sync'= {
        }
        &'clearance;help;evidence'= {
            cand export 'Write one self-contained bundle (intent, plan, approvals, evidence, public keys, decision) that `clearance verify --bundle` checks with no repository at all'
        }
        &'clearance;help;evidence;export'= {
        }
        &'clearance;help;blast'= {
        }
        &'clearance;help;check'= {
        }
        &'clearance;help;policy'= {
            cand test 'Run every `test_*` rule in policies/*_test.rego of the work tree (the branch''s in a bare repository): the rules being written, which are not in force until signed'
        }
        &'clearance;help;policy;test'= {
        }
        &'clearance;help;key'= {
            cand new 'Create a key: in the OS keyring, or with --file as an OpenSSH key file (0600) + .pub'
            cand list 'List the keys this machine created (in its keyring, or as files)'
            cand show 'Show a key''s public half and fingerprint (from the keyring, or --file)'
            cand export 'Print a key''s public half in OpenSSH format'
        }
        &'clearance;help;key;new'= {
        }
        &'clearance;help;key;list'= {
        }
        &'clearance;help;key;show'= {
        }
        &'clearance;help;key;export'= {
        }
        &'clearance;help;trust'= {
            cand add 'Trust a principal''s public key in a role (a change to the rules, signed by an admin)'
            cand list 'List the trusted identities in force'
            cand revoke 'Revoke a principal: its signatures from then on count for nothing (signed by an admin)'
            cand allowed-signers 'Print an OpenSSH allowed_signers file for `ssh-keygen -Y verify` and `git verify-commit`'
        }
        &'clearance;help;trust;add'= {
        }
        &'clearance;help;trust;list'= {
        }
        &'clearance;help;trust;revoke'= {
        }
        &'clearance;help;trust;allowed-signers'= {
        }
        &'clearance;help;governance'= {
            cand sign 'Sign a change to the rules: the work tree''s governed files, or a pending change'
            cand status 'Show the root, the entry in force, pending changes and unauthorized edits'
            cand log 'List the entries of the governance log, oldest first'
            cand adopt 'Give a repository made before governance its genesis, signed by its first admin'
        }
        &'clearance;help;governance;sign'= {
        }
        &'clearance;help;governance;status'= {
        }
        &'clearance;help;governance;log'= {
        }
        &'clearance;help;governance;adopt'= {
        }
        &'clearance;help;doctor'= {
        }
        &'clearance;help;graph'= {
            cand check 'Validate a service graph: the branch''s, or FILE before you commit it'
            cand list 'List the services of the graph in force: what intents may name as targets'
            cand import 'Build the service graph from another source of truth'
        }
        &'clearance;help;graph;check'= {
        }
        &'clearance;help;graph;list'= {
        }
        &'clearance;help;graph;import'= {
            cand backstage 'Turn Backstage catalog entities (Component, Resource, API, System) into a graph'
        }
        &'clearance;help;graph;import;backstage'= {
        }
        &'clearance;help;schema'= {
        }
        &'clearance;help;provider'= {
        }
        &'clearance;help;generate'= {
        }
        &'clearance;help;version'= {
        }
        &'clearance;help;help'= {
        }
    ]
    $completions[$command]
}
