Console.WriteLine("AnatomyBot");
