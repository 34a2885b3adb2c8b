
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
            cand --format 'Output format: human tables and text, or JSON for programs'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more about what is happening'
            cand --verbose 'Say more about what is happening'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand demo 'Walk through the lifecycle on an embedded example, step by step'
            cand init 'Create a change repository from the built-in templates'
            cand propose 'Propose a change: validate an intent and commit it to the change repository'
            cand list 'List proposals, newest first'
            cand show 'Show one proposal: its intent, state and evidence'
            cand schema 'Print the JSON Schema of a document clearance reads'
            cand generate 'Write shell completions or man pages from the command-line model'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'clearance;demo'= {
            cand --repo 'The change repository [default: discovered from the current directory]'
            cand --format 'Output format: human tables and text, or JSON for programs'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more about what is happening'
            cand --verbose 'Say more about what is happening'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'clearance;init'= {
            cand --repo 'The change repository [default: discovered from the current directory]'
            cand --format 'Output format: human tables and text, or JSON for programs'
            cand --bare 'Create a bare repository (no work tree), e.g. for a server'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more about what is happening'
            cand --verbose 'Say more about what is happening'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'clearance;propose'= {
            cand -f 'The intent file, or `-` for standard input'
            cand --file 'The intent file, or `-` for standard input'
            cand --repo 'The change repository [default: discovered from the current directory]'
            cand --format 'Output format: human tables and text, or JSON for programs'
            cand --dry-run 'Validate and show the outcome without writing anything'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more about what is happening'
            cand --verbose 'Say more about what is happening'
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
            cand --format 'Output format: human tables and text, or JSON for programs'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more about what is happening'
            cand --verbose 'Say more about what is happening'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'clearance;show'= {
            cand --repo 'The change repository [default: discovered from the current directory]'
            cand --format 'Output format: human tables and text, or JSON for programs'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more about what is happening'
            cand --verbose 'Say more about what is happening'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'clearance;schema'= {
            cand --repo 'The change repository [default: discovered from the current directory]'
            cand --format 'Output format: human tables and text, or JSON for programs'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more about what is happening'
            cand --verbose 'Say more about what is happening'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'clearance;generate'= {
            cand --repo 'The change repository [default: discovered from the current directory]'
            cand --format 'Output format: human tables and text, or JSON for programs'
            cand --no-color 'Never use color (also NO_COLOR)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Say more about what is happening'
            cand --verbose 'Say more about what is happening'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'clearance;help'= {
            cand demo 'Walk through the lifecycle on an embedded example, step by step'
            cand init 'Create a change repository from the built-in templates'
            cand propose 'Propose a change: validate an intent and commit it to the change repository'
            cand list 'List proposals, newest first'
            cand show 'Show one proposal: its intent, state and evidence'
            cand schema 'Print the JSON Schema of a document clearance reads'
            cand generate 'Write shell completions or man pages from the command-line model'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'clearance;help;demo'= {
        }
        &'clearance;help;init'= {
        }
        &'clearance;help;propose'= {
        }
        &'clearance;help;list'= {
        }
        &'clearance;help;show'= {
        }
        &'clearance;help;schema'= {
        }
        &'clearance;help;generate'= {
        }
        &'clearance;help;help'= {
        }
    ]
    $completions[$command]
}
