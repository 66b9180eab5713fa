#!/usr/bin/env pwsh
# The PowerShell entry to the commands README.md documents; it only calls dotnet:
#   ./run.ps1              main job: dotnet run -c Release --project src/Simulator.Cli -- run
#                          (the embedded quickstart experiment)
#   ./run.ps1 test [...]   dotnet test [...]
#   ./run.ps1 <args...>    dotnet run -c Release --project src/Simulator.Cli -- <args...>
# Core language only (no module cmdlets), so it behaves the same in any PowerShell 7 host.
$root = $PSScriptRoot
$cli = "$root/src/Simulator.Cli"
$rest = @()
for ($i = 1; $i -lt $args.Count; $i++) { $rest += $args[$i] }

if ($args.Count -gt 0 -and $args[0] -eq 'test') {
    dotnet test "$root/Simulator.sln" @rest
}
elseif ($args.Count -eq 0) {
    dotnet run -c Release --project $cli '--' run
}
else {
    dotnet run -c Release --project $cli '--' @args
}
exit $LASTEXITCODE
