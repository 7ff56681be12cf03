public enum ErrorestCommand { public static func main() {} }
