// The build failed (invoker.properties); it must have failed for the suspend function, with the
// processor's own message, and not for the ordinary command beside it.
String log = new File(basedir, 'build.log').text
assert log.contains('suspend functions cannot be RRPC handlers') : 'no suspend refusal in build.log'
assert log.contains('warmUp') : 'the refusal does not name warmUp'
assert !(log =~ /error:.*ping/) : 'ping was refused too'
return true
