package main

import "fmt"

func main() {
	fmt.Println("pixel-diff: no images given")
}
