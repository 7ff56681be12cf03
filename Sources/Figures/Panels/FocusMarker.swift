/// The focus point's mark, the same in every panel: a dark ring with a white halo around it.
enum FocusMarker {
    static func draw(at p: PixelPoint, radius r: Double, scene: Scene, on canvas: Canvas) {
        let width = max(1.2, r * 0.35)
        canvas.setDash([])
        canvas.setColour(scene.palette.markerOutline)
        canvas.setLineWidth(width + 2)
        canvas.circle(centre: p, radius: r)
        canvas.stroke()
        canvas.setColour(scene.palette.boundary)
        canvas.setLineWidth(width)
        canvas.circle(centre: p, radius: r)
        canvas.stroke()
    }
}
