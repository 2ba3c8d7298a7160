// With no argument: nothing, so the time this process takes is what starting and stopping .NET costs here. With a
// URL: one HTTP GET, the least that any .NET process talking HTTP pays on top of that.
return args.Length == 0 ? 0 : HttpFloor.Get(new Uri(args[0]));
